package org.planmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.planmap.account.Account;
import org.planmap.account.Accounts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The editor's password: generated and logged exactly once, or configured and never logged; kept as a hash. */
class EditorAccountTest {

    final PasswordEncoder encoder = EditorAccount.passwordEncoder();
    final Logger logger = (Logger) LoggerFactory.getLogger(EditorAccount.class);
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
    }

    boolean authenticates(UserDetailsService users, String password) {
        try {
            EditorAccount.passwordCheck(users, encoder)
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("editor", password));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedAndLoggedOnceAtWarn() {
        UserDetailsService users = users(null);
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(1);
        assertThat(log.list.get(0).getLevel().toString()).isEqualTo("WARN");
        assertThat(lines.get(0)).contains("未设置编辑密码", "no editor password configured", "editor");
        Matcher m = Pattern.compile("password ([A-Za-z0-9]{20})$").matcher(lines.get(0));
        assertThat(m.find()).isTrue();
        String generated = m.group(1);
        assertThat(lines.get(0).split(generated, -1)).as("the password appears once").hasSize(2);
        assertThat(authenticates(users, generated)).isTrue();
        assertThat(users.loadUserByUsername("editor").getPassword()).startsWith("{bcrypt}").doesNotContain(generated);
        // Each start generates its own.
        users(" ");
        assertThat(log.list.get(1).getFormattedMessage()).doesNotContain(generated);
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeverLogged() {
        UserDetailsService users = users("s3cret-from-ops");
        assertThat(log.list).isEmpty();
        assertThat(authenticates(users, "s3cret-from-ops")).isTrue();
        assertThat(authenticates(users, "s3cret-from-opsX")).isFalse();
        assertThat(users.loadUserByUsername("editor").getPassword()).startsWith("{bcrypt}");
    }

    @Test
    void withNamedEditorsAndNoConfiguredPasswordThereIsNoShortcutAndNothingGenerated() {
        assertThat(EditorAccount.shortcut(null, true, encoder)).isEmpty();
        assertThat(log.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("INFO");
            assertThat(e.getFormattedMessage()).contains("named accounts").doesNotContain("password ");
        });
        // A configured password keeps the shortcut even beside named accounts.
        assertThat(EditorAccount.shortcut("s3cret-from-ops", true, encoder)).isPresent();
    }

    /** bcrypt costs a start a tenth of a CPU-second or more: the shortcut's password is hashed at its first use, once. */
    @Test
    void thePasswordIsHashedAtTheFirstLoginNotAtStart() {
        AtomicInteger hashed = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                hashed.incrementAndGet();
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return encoder.matches(raw, encoded);
            }
        };
        UserDetailsService users = new NamedAccounts(NO_ACCOUNTS, EditorAccount.shortcut("s3cret-from-ops", false, counting));
        assertThat(hashed).hasValue(0);
        assertThat(authenticates(users, "s3cret-from-ops")).isTrue();
        assertThat(authenticates(users, "wrong")).isFalse();
        assertThat(authenticates(users, "s3cret-from-ops")).isTrue();
        assertThat(hashed).hasValue(1);
    }

    /** The shortcut alone, as the server has it before anyone ran {@code users add}. */
    private UserDetailsService users(String configuredPassword) {
        return new NamedAccounts(NO_ACCOUNTS, EditorAccount.shortcut(configuredPassword, false, encoder));
    }

    private static final Accounts NO_ACCOUNTS = new Accounts() {
        @Override
        public List<Account> all() {
            return List.of();
        }

        @Override
        public Optional<Account> find(String name) {
            return Optional.empty();
        }

        @Override
        public void add(Account account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Account account) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void generatedPasswordsAreTwentyUnambiguousCharacters() {
        String a = EditorAccount.generatePassword();
        assertThat(a).matches("[A-HJ-NP-Za-km-z2-9]{20}");
        assertThat(EditorAccount.generatePassword()).isNotEqualTo(a);
    }

    @Test
    void theCspAllowsImagesOnlyFromConfiguredBasemaps() {
        assertThat(ResponseHeaders.contentSecurityPolicy(false, false))
                .contains("img-src 'self' data:;", "script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(ResponseHeaders.contentSecurityPolicy(true, true))
                .contains("img-src 'self' data: https://*.tianditu.gov.cn https://tile.openstreetmap.org;");
    }
}
