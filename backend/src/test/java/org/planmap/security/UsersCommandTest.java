package org.planmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.account.Account;
import org.planmap.account.AuditEntry;
import org.planmap.account.AuditQuery;
import org.planmap.account.Role;
import org.planmap.account.SqlRecords;

/** {@code users …} on the embedded store, run as the jar runs it (its arguments, stdin, stdout, exit code). */
class UsersCommandTest {

    @TempDir
    Path dataDir;

    record Run(int code, String out, String err) {
    }

    Run users(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--planmap.data-dir=" + dataDir);
        int code = UsersCommand.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void addListDisableAndResetKeepOnlyHashesAndAuditEveryChange() {
        Run added = users("", "add", "王工", "--role", "editor");
        assertThat(added.code()).isZero();
        String generated = added.out().lines().filter(l -> l.startsWith("密码 / password: ")).findFirst().orElseThrow()
                .substring("密码 / password: ".length());
        assertThat(users("correct horse battery\n", "add", "admin", "--role", "admin", "--password-stdin").code())
                .isZero();
        assertThat(users("", "list").out()).contains("王工", "editor", "admin").doesNotContain(generated);

        try (SqlRecords records = SqlRecords.embedded(dataDir)) {
            Account wang = records.find("王工").orElseThrow();
            assertThat(wang.passwordHash()).startsWith("{bcrypt}").doesNotContain(generated);
            assertThat(EditorAccount.passwordEncoder().matches(generated, wang.passwordHash())).isTrue();
            assertThat(EditorAccount.passwordEncoder().matches("correct horse battery",
                    records.find("admin").orElseThrow().passwordHash())).isTrue();
        }
        assertThat(users("", "disable", "王工").code()).isZero();
        assertThat(users("a much longer secret\n", "reset-password", "admin", "--password-stdin").code()).isZero();
        try (SqlRecords records = SqlRecords.embedded(dataDir)) {
            assertThat(records.find("王工").orElseThrow().enabled()).isFalse();
            assertThat(EditorAccount.passwordEncoder().matches("a much longer secret",
                    records.find("admin").orElseThrow().passwordHash())).isTrue();
            List<AuditEntry> log = new ArrayList<>();
            records.read(new AuditQuery(null, null, null, null, 100), log::add);
            assertThat(log).extracting(AuditEntry::action)
                    .containsExactly("users add", "users add", "users disable", "users reset-password");
            assertThat(log).allSatisfy(e -> assertThat(e.user()).startsWith("cli:"));
        }
    }

    @Test
    void mistakesAreRefusedWithAReasonAndChangeNothing() {
        assertThat(users("", "add", "x").code()).isEqualTo(1); // no role
        assertThat(users("", "add", "x", "--role", "boss").err()).contains("viewer/editor/admin");
        assertThat(users("short\n", "add", "x", "--role", "editor", "--password-stdin").err())
                .contains("at least 12");
        assertThat(users("", "add", "a b", "--role", "editor").err()).contains("user name");
        assertThat(users("", "disable", "nobody").err()).contains("no user nobody");
        assertThat(users("", "frobnicate", "x").code()).isEqualTo(2);
        assertThat(users("").code()).isEqualTo(2);
        try (SqlRecords records = SqlRecords.embedded(dataDir)) {
            assertThat(records.all()).isEmpty();
        }
        assertThat(Role.parse("Admin")).isEqualTo(Role.ADMIN);
    }
}
