package org.planmap.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.planmap.account.Account;
import org.planmap.account.AuditEntry;
import org.planmap.account.RecordsException;
import org.planmap.account.Role;
import org.planmap.account.SqlRecords;
import org.planmap.settings.PlanmapProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code java -jar planmap.jar users add NAME --role editor|admin|viewer}, {@code users list},
 * {@code users disable NAME}, {@code users enable NAME}, {@code users reset-password NAME}: manages the named
 * accounts in the store the server uses, chosen by the same {@code --planmap.data-dir} / {@code --planmap.db-url}
 * options and {@code PLANMAP_*} variables as the server, without starting it (a running server sees the change at
 * the next login). A new password is read from standard input with {@code --password-stdin} (at least 12
 * characters), or else generated and printed once. Every change is written to the audit log as the operating-system
 * user who ran the command.
 */
public final class UsersCommand {

    public static final String NAME = "users";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String USAGE = """
            usage: java -jar planmap.jar users add NAME --role viewer|editor|admin [--password-stdin]
                   java -jar planmap.jar users list
                   java -jar planmap.jar users disable|enable NAME
                   java -jar planmap.jar users reset-password NAME [--password-stdin]
            the store: the server's options, e.g. --planmap.data-dir=DIR or --planmap.db-url=jdbc:postgresql://…""";

    private UsersCommand() {
    }

    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String role = null;
        boolean passwordStdin = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--role") && i + 1 < args.size()) {
                role = args.get(++i);
            } else if (a.equals("--password-stdin")) {
                passwordStdin = true;
            } else if (a.startsWith("--")) {
                options.add(a);
            } else {
                words.add(a);
            }
        }
        if (words.isEmpty() || !words.get(0).equals("list") && words.size() != 2) {
            err.println(USAGE);
            return 2;
        }
        PlanmapProperties p = properties(options.toArray(String[]::new));
        try (SqlRecords records = SqlRecords.open(p.dataDir(), p.dbUrl(), p.dbUser(), p.dbPassword(), p.dbSchema())) {
            Command c = new Command(records, EditorAccount.passwordEncoder(), Clock.systemUTC(), out);
            String name = words.size() > 1 ? words.get(1) : null;
            switch (words.get(0)) {
                case "list" -> c.list();
                case "add" -> c.add(name, Role.parse(role == null ? "" : role), password(passwordStdin, in));
                case "disable" -> c.enable(name, false);
                case "enable" -> c.enable(name, true);
                case "reset-password" -> c.resetPassword(name, password(passwordStdin, in));
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException | RecordsException | IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The server's own settings from the command line and the environment, with the same defaults. */
    static PlanmapProperties properties(String[] options) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(options));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("planmap", PlanmapProperties.class);
    }

    /** The password from standard input, or null for a generated one. */
    private static String password(boolean fromStdin, InputStream in) throws IOException {
        if (!fromStdin) {
            return null;
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("密码至少 " + MIN_PASSWORD_LENGTH + " 个字符 / a password has at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        return line;
    }

    /** The subcommands over one open store; package-visible for tests that need no process of their own. */
    record Command(SqlRecords records, PasswordEncoder encoder, Clock clock, PrintStream out) {

        void list() {
            out.printf("%-24s %-8s %-8s %s%n", "name", "role", "enabled", "created");
            for (Account a : records.all()) {
                out.printf("%-24s %-8s %-8s %s%n", a.name(), a.role().id(), a.enabled() ? "yes" : "no", a.created());
            }
        }

        void add(String name, Role role, String password) {
            String chosen = password != null ? password : EditorAccount.generatePassword();
            records.add(new Account(name, role, encoder.encode(chosen), true, clock.instant()));
            audit("users add", name + " (" + role.id() + ")");
            out.println("已添加 / added " + name + " (" + role.id() + ")");
            if (password == null) {
                out.println("密码 / password: " + chosen);
            }
        }

        void enable(String name, boolean on) {
            records.update(existing(name).withEnabled(on));
            audit(on ? "users enable" : "users disable", name);
            out.println((on ? "已启用 / enabled " : "已停用 / disabled ") + name);
        }

        void resetPassword(String name, String password) {
            String chosen = password != null ? password : EditorAccount.generatePassword();
            records.update(existing(name).withPasswordHash(encoder.encode(chosen)));
            audit("users reset-password", name);
            out.println("已重设密码 / password reset for " + name);
            if (password == null) {
                out.println("密码 / password: " + chosen);
            }
        }

        private Account existing(String name) {
            return records.find(name).orElseThrow(() -> new IllegalArgumentException("没有用户 " + name
                    + " / no user " + name));
        }

        private void audit(String action, String detail) {
            Instant now = clock.instant();
            records.append(AuditEntry.of(now, "cli:" + System.getProperty("user.name"), "local", action, null, null,
                    null, null, null, 0, AuditEntry.OK, detail));
        }
    }
}
