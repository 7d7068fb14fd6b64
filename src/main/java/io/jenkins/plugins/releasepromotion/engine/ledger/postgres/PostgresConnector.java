package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * Opens connections to the ledger's database with the driver instance itself, not through {@code DriverManager}:
 * in Jenkins the driver lives in another plugin's class loader, which {@code DriverManager} would not look in. Every
 * connection carries the timeouts, so no statement can hang a deployment.
 */
final class PostgresConnector implements DataSource {
    private final PostgresTarget target;
    private final Properties properties;
    private final Driver driver = new Driver();

    PostgresConnector(PostgresTarget target, String user, char[] password, PostgresTimeouts timeouts) {
        this.target = target;
        this.properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", new String(password));
        }
        if (target.sslMode() != null) {
            properties.setProperty("sslmode", target.sslMode());
        }
        properties.setProperty("connectTimeout", Integer.toString(timeouts.connectSeconds()));
        properties.setProperty("loginTimeout", Integer.toString(timeouts.connectSeconds()));
        properties.setProperty("socketTimeout", Integer.toString(timeouts.socketSeconds()));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "release-promotion");
        properties.setProperty(
                "options",
                "-c statement_timeout=" + timeouts.statement().toMillis() + " -c lock_timeout="
                        + timeouts.lock().toMillis());
    }

    PostgresTarget target() {
        return target;
    }

    String user() {
        return properties.getProperty("user");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = driver.connect(target.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("the driver does not accept " + target.jdbcUrl());
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the ledger connects as the user it was opened with");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // The driver's own logging stays off: its lines could hold connection details.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Set once from the ledger's timeouts.
    }

    @Override
    public int getLoginTimeout() {
        return Integer.parseInt(properties.getProperty("loginTimeout"));
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "PostgresConnector[" + target + " as " + user() + "]";
    }
}
