package io.costlevel.workloads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A request that borrows a JDBC connection from a HikariCP pool of one, works a little while it holds it, and gives it
 * back: more requests than connections, the pool's exhaustion. The database is a stub (a proxy that answers HikariCP's
 * checks), so only the pool's own synchronization costs.
 */
final class ConnectionPool implements Workloads.Operation {
    private static final HikariDataSource POOL = pool();
    private long next;

    private static HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(new StubDatabase());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    @Override
    public long op() {
        try (Connection connection = POOL.getConnection()) {
            long x = next++;
            for (int i = 0; i < 200; i++) {
                x = x * 31 + i;
            }
            return x + (connection.isReadOnly() ? 1 : 0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connections that answer what HikariCP asks (valid, auto-commit, read committed) and do nothing else. */
    private static final class StubDatabase implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isValid", "getAutoCommit" -> true;
                        case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "toString" -> "stub connection";
                        default -> method.getReturnType() == boolean.class ? false
                                : method.getReturnType() == int.class ? 0 : null;
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
