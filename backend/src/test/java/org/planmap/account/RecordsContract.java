package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the accounts and the audit log must do on either store. */
abstract class RecordsContract {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    abstract SqlRecords open();

    /** A plain connection to the same tables, for what planmap itself never does. */
    abstract Connection raw() throws SQLException;

    abstract String auditTable();

    @Test
    void accountsAreAddedFoundUpdatedAndListedByName() {
        try (SqlRecords r = open()) {
            r.add(new Account("王工", Role.EDITOR, "{bcrypt}x", true, T0));
            r.add(new Account("admin", Role.ADMIN, "{bcrypt}y", true, T0));
            assertThatThrownBy(() -> r.add(new Account("admin", Role.VIEWER, "{bcrypt}z", true, T0)))
                    .hasMessageContaining("exists already");
            r.update(r.find("王工").orElseThrow().withEnabled(false).withRole(Role.VIEWER));
            assertThat(r.all()).extracting(Account::name).containsExactly("admin", "王工");
            assertThat(r.find("王工").orElseThrow()).satisfies(a -> {
                assertThat(a.enabled()).isFalse();
                assertThat(a.role()).isEqualTo(Role.VIEWER);
                assertThat(a.passwordHash()).isEqualTo("{bcrypt}x");
            });
            assertThatThrownBy(() -> r.update(new Account("nobody", Role.VIEWER, "{bcrypt}q", true, T0)))
                    .hasMessageContaining("no user nobody");
        }
        try (SqlRecords again = open()) {
            assertThat(again.find("admin")).isPresent(); // kept in the store, not in the process
        }
    }

    @Test
    void theAuditLogFiltersByTimeUserAndLayerOldestFirst() {
        try (SqlRecords r = open()) {
            r.append(entry(T0, "王工", "control-ecology", 200));
            r.append(entry(T0.plusSeconds(60), "anonymous", "control-farmland", 401));
            r.append(entry(T0.plusSeconds(120), "王工", "control-farmland", 200));
            assertThat(read(r, new AuditQuery(null, null, null, null, 10))).extracting(AuditEntry::time)
                    .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
            assertThat(read(r, new AuditQuery(T0.plusSeconds(60), null, "王工", null, 10))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.layer()).isEqualTo("control-farmland");
                        assertThat(e.sha256()).isEqualTo("ab".repeat(32));
                        assertThat(e.id()).isPositive();
                    });
            assertThat(read(r, new AuditQuery(null, T0.plusSeconds(60), null, null, 10))).hasSize(1);
            assertThat(read(r, new AuditQuery(null, null, null, "control-farmland", 1))).singleElement()
                    .extracting(AuditEntry::outcome).isEqualTo(AuditEntry.REFUSED);
            // Times compare as instants, not as texts of different lengths ("…:01.500Z" is after "…:01Z").
            r.append(entry(T0.plusMillis(181_500), "李工", "control-ecology", 200));
            assertThat(read(r, new AuditQuery(T0.plusSeconds(181), T0.plusSeconds(182), null, null, 10)))
                    .extracting(AuditEntry::user).containsExactly("李工");
        }
    }

    @Test
    void noUpdateOrDeleteCanRewriteTheAuditLog() throws SQLException {
        try (SqlRecords r = open()) {
            r.append(entry(T0, "王工", "control-ecology", 200));
        }
        try (Connection c = raw(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE " + auditTable() + " SET username = 'someone'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM " + auditTable())).hasMessageContaining("append-only");
        }
        try (SqlRecords r = open()) {
            assertThat(read(r, new AuditQuery(null, null, "王工", null, 10))).hasSize(1);
        }
    }

    /** A log made before it kept version numbers gains the column; its rows keep their hash and have no number. */
    @Test
    void aLogMadeBeforeVersionNumbersGainsTheColumnAndKeepsItsRows() throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            boolean sqlite = c.getMetaData().getDatabaseProductName().equals("SQLite");
            if (auditTable().contains(".")) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + auditTable().substring(0, auditTable().indexOf('.')));
            }
            s.execute("CREATE TABLE " + auditTable() + " (id " + (sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                    : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY") + ", time TEXT NOT NULL, username TEXT NOT NULL, "
                    + "address TEXT, action TEXT NOT NULL, layer TEXT, version TEXT, file_name TEXT, sha256 TEXT, "
                    + "status INTEGER NOT NULL, outcome TEXT NOT NULL, detail TEXT)");
            s.execute("INSERT INTO " + auditTable() + " (time, username, action, layer, version, status, outcome) VALUES "
                    + "('2026-11-30T00:00:00.000Z', '王工', 'import', 'control-ecology', 'hash-of-old', 200, 'ok')");
        }
        try (SqlRecords r = open()) {
            r.append(entry(T0, "王工", "control-ecology", 200));
            assertThat(read(r, new AuditQuery(null, null, null, null, 10)))
                    .extracting(e -> e.version() + " " + e.layerVersion())
                    .containsExactly("null hash-of-old", "7 v1");
        }
        try (SqlRecords again = open()) {
            assertThat(read(again, new AuditQuery(null, null, null, null, 10))).hasSize(2);
        }
    }

    static AuditEntry entry(Instant time, String user, String layer, int status) {
        return AuditEntry.of(time, user, "127.0.0.1", "import", layer, 7, "v1", "三线.zip", "ab".repeat(32), status,
                AuditEntry.outcome(status), null);
    }

    static List<AuditEntry> read(SqlRecords r, AuditQuery q) {
        List<AuditEntry> out = new ArrayList<>();
        r.read(q, out::add);
        return out;
    }
}
