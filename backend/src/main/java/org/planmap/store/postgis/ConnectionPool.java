package org.planmap.store.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.planmap.store.StoreException;

/** The PostGIS store's connection pool, tuned to notice a database that went away within seconds. */
final class ConnectionPool {

    private ConnectionPool() {
    }

    static HikariDataSource create(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("planmap-postgis");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        // Waiting for a connection, or for a dead server to answer, fails within seconds rather than
        // hanging a request; Hikari tests idle connections before lending them out, so the first call
        // after a database restart gets a fresh one.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        config.setKeepaliveTime(60_000);
        config.setMaxLifetime(30 * 60_000);
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "planmap");
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException("cannot connect to the PostGIS database at " + withoutQuery(url) + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
    }

    /** The URL without its query, which may carry a password. */
    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
