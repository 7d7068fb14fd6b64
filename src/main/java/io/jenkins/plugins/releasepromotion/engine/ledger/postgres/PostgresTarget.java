package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the shared ledger lives: {@code postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=MODE]}. A password never
 * belongs in it (it would end up in shell histories, logs and configuration files): one given there is refused.
 */
public final class PostgresTarget {
    public static final int DEFAULT_PORT = 5432;
    private static final String SCHEME = "postgresql";
    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.$-]{0,62}");
    private static final String SHAPE = "postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=MODE]";

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String sslMode;

    private PostgresTarget(String host, int port, String database, String user, String sslMode) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.sslMode = sslMode;
    }

    /** True when {@code text} names a PostgreSQL ledger rather than a directory. */
    public static boolean isUrl(String text) {
        return text != null && text.regionMatches(true, 0, SCHEME + "://", 0, SCHEME.length() + 3);
    }

    /**
     * Reads a ledger URL.
     *
     * @throws IllegalArgumentException one line naming what is wrong and how to write it instead
     */
    public static PostgresTarget parse(String url) {
        if (!isUrl(url)) {
            throw bad(url, "does not start with postgresql://");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(url, "is not a valid URL (" + e.getReason() + ")");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("The ledger URL holds a password, which is never read from a URL;"
                    + " remove it and give the password through the ledger's credential instead.");
        }
        if (uri.getHost() == null) {
            throw bad(url, "names no host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw bad(url, "has port " + uri.getPort() + ", outside 1 to 65535");
        }
        // An IPv6 address comes bracketed, as a URL writes it; the target keeps the address and brackets it where
        // named.
        String host = uri.getHost();
        return new PostgresTarget(
                host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host,
                uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                database(url, uri.getRawPath()),
                userInfo == null ? null : decode(userInfo),
                sslMode(url, uri.getRawQuery()));
    }

    private static String database(String url, String path) {
        String name = path == null || path.length() < 2 ? "" : decode(path.substring(1));
        if (!DATABASE.matcher(name).matches()) {
            throw bad(url, "names no usable database (1 to 63 letters, digits, '_', '.', '$' or '-')");
        }
        return name;
    }

    private static String sslMode(String url, String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        if (!query.startsWith("sslmode=") || query.contains("&")) {
            throw bad(url, "has a parameter other than sslmode");
        }
        String mode = decode(query.substring("sslmode=".length())).toLowerCase(Locale.ROOT);
        if (!SSL_MODES.contains(mode)) {
            throw bad(url, "has sslmode " + DisplayText.of(mode) + "; use one of " + String.join(", ", sorted()));
        }
        return mode;
    }

    private static Iterable<String> sorted() {
        return SSL_MODES.stream().sorted().toList();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException(
                "The ledger URL " + DisplayText.of(withoutPassword(url)) + " " + why + "; write it as " + SHAPE + ".");
    }

    // Shown in the message of a malformed URL: whatever sits between "//" and "@" could be a password.
    private static String withoutPassword(String url) {
        if (url == null) {
            return null;
        }
        int start = url.indexOf("//");
        int at = url.indexOf('@');
        return start >= 0 && at > start ? url.substring(0, start + 2) + "..." + url.substring(at) : url;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The user the URL names, or {@code null} when the credential names it. */
    public String user() {
        return user;
    }

    /** The sslmode the URL asks for, or {@code null} for the driver's default. */
    public String sslMode() {
        return sslMode;
    }

    /** The JDBC URL, without the user: it goes to the driver as a property. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + server() + "/" + database;
    }

    /**
     * The file that keeps this database's records while it cannot be reached: one per server and database, in the
     * {@code spool} folder of the local ledger folder.
     */
    public Path spoolIn(Path ledgerFolder) {
        return ledgerFolder
                .resolve("spool")
                .resolve((server() + "-" + database).replaceAll("[^A-Za-z0-9.-]", "_") + ".jsonl");
    }

    /** {@code host:port} ({@code [host]:port} for an IPv6 address), as a message and the JDBC URL name the server. */
    public String server() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL as written, with the user and without any password (there is none to show). */
    @Override
    public String toString() {
        return SCHEME + "://" + (user == null ? "" : user + "@") + server() + "/" + database
                + (sslMode == null ? "" : "?sslmode=" + sslMode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresTarget t
                && host.equals(t.host)
                && port == t.port
                && database.equals(t.database)
                && Objects.equals(user, t.user)
                && Objects.equals(sslMode, t.sslMode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, user, sslMode);
    }
}
