package org.planmap.account;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Accounts and the audit log in SQL, on either store: for the embedded store a SQLite file beside the GeoPackage
 * ({@code planmap-records.sqlite} in the data directory), for PostGIS two tables in planmap's schema. The embedded
 * records are a file of their own because a long import holds the GeoPackage's one write lock for minutes, and a
 * login must not wait for it to be written down. Both keep the log append-only by triggers that abort any UPDATE or
 * DELETE, so not even a mistaken query of planmap's can rewrite history.
 *
 * <p>One connection, used by one thread at a time: accounts are read once per login and the log is appended to once
 * per write request, both a few milliseconds. Times are kept as fixed-width ISO-8601 UTC text with milliseconds, which
 * sorts as time does in both databases.
 */
public final class SqlRecords implements Accounts, AuditTrail, AutoCloseable {

    public static final String EMBEDDED_FILE = "planmap-records.sqlite";
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String VERSION_NUMBER = "version_number";
    /** Fixed width, so that the text sorts and compares as the instant does. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private enum Dialect { SQLITE, POSTGRES }

    private final Dialect dialect;
    private final String accounts;
    private final String audit;
    private final String url;
    private final String user;
    private final String password;
    private Connection db;

    private SqlRecords(Dialect dialect, String prefix, String url, String user, String password) {
        this.dialect = dialect;
        this.accounts = prefix + "accounts";
        this.audit = prefix + "audit";
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The records beside the store planmap is configured with: PostGIS when {@code dbUrl} is set, else embedded. */
    public static SqlRecords open(Path dataDir, String dbUrl, String dbUser, String dbPassword, String schema) {
        return dbUrl == null || dbUrl.isBlank() ? embedded(dataDir) : postgis(dbUrl, dbUser, dbPassword, schema);
    }

    /** The embedded store's records in {@code dataDir}, created if missing. */
    public static SqlRecords embedded(Path dataDir) {
        SqlRecords r = new SqlRecords(Dialect.SQLITE, "",
                "jdbc:sqlite:" + dataDir.resolve(EMBEDDED_FILE).toAbsolutePath(), null, null);
        r.prepare();
        return r;
    }

    /** The records in {@code schema} of the PostGIS database (the one planmap keeps its layers in). */
    public static SqlRecords postgis(String url, String user, String password, String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a plain lower-case SQL name: " + schema);
        }
        SqlRecords r = new SqlRecords(Dialect.POSTGRES, schema + ".", url, user, password);
        r.prepare();
        return r;
    }

    private synchronized void prepare() {
        run("prepare the accounts and the audit log", db -> {
            try (Statement s = db.createStatement()) {
                if (dialect == Dialect.SQLITE) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("CREATE TABLE IF NOT EXISTS accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, "
                            + "password_hash TEXT NOT NULL, enabled INTEGER NOT NULL, created TEXT NOT NULL)");
                    s.execute("CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, " + columns()
                            + ")");
                    for (String op : List.of("UPDATE", "DELETE")) {
                        s.execute("CREATE TRIGGER IF NOT EXISTS audit_no_" + op.toLowerCase() + " BEFORE " + op
                                + " ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
                    }
                    s.execute("CREATE INDEX IF NOT EXISTS audit_time ON audit (time)");
                    if (!sqliteColumns(s, "audit").contains(VERSION_NUMBER)) {
                        s.execute("ALTER TABLE audit ADD COLUMN " + VERSION_NUMBER + " INTEGER");
                    }
                } else {
                    // CREATE … IF NOT EXISTS is not safe against a second server preparing the same at the same
                    // moment (two servers started together on one database): they take turns, the lock held by
                    // this session until unlocked below (autocommit: a transaction lock would end at once).
                    try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_lock(hashtextextended(?, 0))")) {
                        lock.setString(1, accounts);
                        lock.execute();
                    }
                    try {
                        preparePostgres(s);
                    } finally {
                        try (PreparedStatement unlock = db.prepareStatement(
                                "SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
                            unlock.setString(1, accounts);
                            unlock.execute();
                        }
                    }
                }
            }
            return null;
        });
    }

    private void preparePostgres(Statement s) throws SQLException {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + accounts.substring(0, accounts.indexOf('.')));
        s.execute("CREATE TABLE IF NOT EXISTS " + accounts + " (name TEXT PRIMARY KEY, role TEXT NOT NULL, "
                + "password_hash TEXT NOT NULL, enabled BOOLEAN NOT NULL, created TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS " + audit + " (id BIGINT GENERATED ALWAYS AS IDENTITY "
                + "PRIMARY KEY, " + columns() + ")");
        String function = audit + "_append_only";
        s.execute("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$");
        s.execute("CREATE OR REPLACE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "
                + audit + " FOR EACH STATEMENT EXECUTE FUNCTION " + function + "()");
        s.execute("CREATE INDEX IF NOT EXISTS audit_time ON " + audit + " (time)");
        s.execute("ALTER TABLE " + audit + " ADD COLUMN IF NOT EXISTS " + VERSION_NUMBER + " INTEGER");
    }

    /**
     * The log's columns. {@code version} holds the layer's content hash ({@link AuditEntry#layerVersion}), as it did
     * before the log kept version numbers; the number came later as {@value #VERSION_NUMBER}, a column added to logs
     * made before (an append-only log is never rewritten, so its old rows keep their hash and have no number).
     */
    private static String columns() {
        return "time TEXT NOT NULL, username TEXT NOT NULL, address TEXT, action TEXT NOT NULL, layer TEXT, "
                + "version TEXT, file_name TEXT, sha256 TEXT, status INTEGER NOT NULL, outcome TEXT NOT NULL, "
                + "detail TEXT, " + VERSION_NUMBER + " INTEGER";
    }

    private static List<String> sqliteColumns(Statement s, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    @Override
    public synchronized List<Account> all() {
        return run("read the accounts", db -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT * FROM " + accounts + " ORDER BY name")) {
                return accountsOf(ps);
            }
        });
    }

    @Override
    public synchronized Optional<Account> find(String name) {
        return run("read account " + name, db -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT * FROM " + accounts + " WHERE name = ?")) {
                ps.setString(1, name);
                return accountsOf(ps).stream().findFirst();
            }
        });
    }

    @Override
    public synchronized void add(Account a) {
        run("add account " + a.name(), db -> {
            if (find(a.name()).isPresent()) {
                throw new IllegalArgumentException("用户 " + a.name() + " 已存在 / user " + a.name() + " exists already");
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + accounts
                    + " (name, role, password_hash, enabled, created) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, a.name());
                ps.setString(2, a.role().id());
                ps.setString(3, a.passwordHash());
                ps.setBoolean(4, a.enabled());
                ps.setString(5, TIME.format(a.created()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void update(Account a) {
        run("update account " + a.name(), db -> {
            try (PreparedStatement ps = db.prepareStatement("UPDATE " + accounts
                    + " SET role = ?, password_hash = ?, enabled = ? WHERE name = ?")) {
                ps.setString(1, a.role().id());
                ps.setString(2, a.passwordHash());
                ps.setBoolean(3, a.enabled());
                ps.setString(4, a.name());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("没有用户 " + a.name() + " / no user " + a.name());
                }
            }
            return null;
        });
    }

    private static List<Account> accountsOf(PreparedStatement ps) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Account(rs.getString("name"), Role.parse(rs.getString("role")),
                        rs.getString("password_hash"), rs.getBoolean("enabled"), Instant.parse(rs.getString("created"))));
            }
        }
        return out;
    }

    @Override
    public synchronized void append(AuditEntry e) {
        run("append to the audit log", db -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + audit + " (time, username, address, "
                    + "action, layer, version, file_name, sha256, status, outcome, detail, " + VERSION_NUMBER + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, TIME.format(e.time()));
                ps.setString(2, e.user());
                text(ps, 3, e.address());
                ps.setString(4, e.action());
                text(ps, 5, e.layer());
                text(ps, 6, e.layerVersion());
                text(ps, 7, e.fileName());
                text(ps, 8, e.sha256());
                ps.setInt(9, e.status());
                ps.setString(10, e.outcome());
                text(ps, 11, e.detail());
                if (e.version() == null) {
                    ps.setNull(12, Types.INTEGER);
                } else {
                    ps.setInt(12, e.version());
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void read(AuditQuery q, Consumer<AuditEntry> each) {
        StringBuilder sql = new StringBuilder("SELECT * FROM " + audit + " WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND time >= ?");
            values.add(TIME.format(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND time < ?");
            values.add(TIME.format(q.to()));
        }
        if (q.user() != null) {
            sql.append(" AND username = ?");
            values.add(q.user());
        }
        if (q.layer() != null) {
            sql.append(" AND layer = ?");
            values.add(q.layer());
        }
        sql.append(" ORDER BY id LIMIT ").append(q.limit());
        run("read the audit log", db -> {
            try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setString(i + 1, values.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new AuditEntry(rs.getLong("id"), Instant.parse(rs.getString("time")),
                                rs.getString("username"), rs.getString("address"), rs.getString("action"),
                                rs.getString("layer"), number(rs), rs.getString("version"), rs.getString("file_name"),
                                rs.getString("sha256"), rs.getInt("status"), rs.getString("outcome"),
                                rs.getString("detail")));
                    }
                }
            }
            return null;
        });
    }

    private static Integer number(ResultSet rs) throws SQLException {
        int n = rs.getInt(VERSION_NUMBER);
        return rs.wasNull() ? null : n;
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    /**
     * Runs {@code work} on the connection, opening it first when there is none or the last one failed: after a
     * database restart the next call connects again instead of failing forever.
     */
    private <T> T run(String what, Work<T> work) {
        try {
            if (db == null || db.isClosed()) {
                Properties login = new Properties();
                if (user != null) {
                    login.setProperty("user", user);
                }
                if (password != null) {
                    login.setProperty("password", password);
                }
                db = DriverManager.getConnection(url, login);
                if (dialect == Dialect.SQLITE) {
                    try (Statement s = db.createStatement()) {
                        s.execute("PRAGMA busy_timeout=10000");
                    }
                }
            }
            return work.run(db);
        } catch (SQLException e) {
            closeQuietly();
            throw new RecordsException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // the connection is being dropped anyway; the next call opens a new one
            }
            db = null;
        }
    }
}
