package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of the tests' own: one per test JVM, started on first use from Debian's packages
 * ({@code /usr/lib/postgresql/<version>/bin}) in a temporary folder, on a free loopback port, with its socket in that
 * folder, and stopped when the JVM ends. It runs as the {@code postgres} system user when the tests run as root, as
 * {@code initdb} refuses root. Each test class takes a {@link #newDatabase() database} and role of its own.
 */
public final class PostgresCluster {
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster shared;

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final int port;
    private final String superPassword;
    private final boolean asPostgres;

    private PostgresCluster(Path bin, Path folder, int port, String superPassword, boolean asPostgres) {
        this.bin = bin;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.port = port;
        this.superPassword = superPassword;
        this.asPostgres = asPostgres;
    }

    /** The cluster of this JVM, started on first call. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            shared = start();
            PostgresCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop the tests' PostgreSQL"));
        }
        return shared;
    }

    /** A new database owned by a new role with a password: what a team's ledger would get from its admin. */
    public Database newDatabase() {
        int n = DATABASES.incrementAndGet();
        String role = "ledger" + n;
        String password = secret();
        admin(
                "postgres",
                "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
                "CREATE DATABASE " + role + " OWNER " + role);
        return new Database(this, "ledger" + n, role, password);
    }

    public int port() {
        return port;
    }

    /** A program of the server's installation, e.g. {@code pgbench}. */
    public Path tool(String name) {
        return bin.resolve(name);
    }

    /** Runs statements as the superuser in {@code database}. */
    public void admin(String database, String... statements) {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", superPassword);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("as superuser on " + database + ": " + e.getMessage(), e);
        }
    }

    /** A database of the cluster and the role that owns it. */
    public record Database(PostgresCluster cluster, String name, String user, String password) {
        public PostgresTarget target() {
            return PostgresTarget.parse("postgresql://" + user + "@127.0.0.1:" + cluster.port + "/" + name);
        }

        public PostgresLedger open() {
            return PostgresLedger.open(target(), null, password.toCharArray());
        }

        /** A plain connection as the owning role, for looking at the tables directly. */
        public Connection connect() throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", user);
            p.setProperty("password", password);
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + cluster.port + "/" + name, p);
        }
    }

    private static PostgresCluster start() {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path folder = Files.createTempDirectory("release-promotion-pg-");
            int port = freePort();
            String superPassword = secret();
            Path pwfile = folder.resolve("pwfile");
            Files.writeString(pwfile, superPassword + "\n", StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", folder.toString()), "hand the folder to postgres");
            }
            PostgresCluster cluster = new PostgresCluster(bin, folder, port, superPassword, root);
            cluster.initdb(pwfile);
            Files.deleteIfExists(pwfile);
            cluster.configure();
            cluster.as(
                    "pg_ctl",
                    "-D",
                    cluster.data.toString(),
                    "-l",
                    folder.resolve("server.log").toString(),
                    "-w",
                    "-t",
                    "60",
                    "start");
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the tests' PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void initdb(Path pwfile) throws IOException {
        as(
                "initdb",
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "--pwfile=" + pwfile,
                "--auth-local=scram-sha-256",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync");
    }

    private void configure() throws IOException {
        Path sockets = folder.resolve("sockets");
        Files.createDirectories(sockets);
        if (asPostgres) {
            run(List.of("chown", "postgres:postgres", sockets.toString()), "hand the socket folder to postgres");
        }
        String settings = "\nlisten_addresses = '127.0.0.1'\nport = " + port + "\nunix_socket_directories = '"
                + sockets + "'\nmax_connections = 200\nshared_buffers = 32MB\nfsync = off\n"
                + "synchronous_commit = off\nfull_page_writes = off\nlog_min_messages = warning\n";
        Files.writeString(
                data.resolve("postgresql.conf"),
                settings,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    void stop() {
        try {
            as("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException | IOException e) {
            // The JVM is ending; what remains is a temporary folder.
        }
        deleteQuietly(folder);
    }

    /** Stops the server at once, as a crash or a power cut would; {@link #restart()} brings it back. */
    public void kill() throws IOException {
        as("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    public void restart() throws IOException {
        as("pg_ctl", "-D", data.toString(), "-l", folder.resolve("server.log").toString(), "-w", "-t", "60", "start");
    }

    private void as(String tool, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command, tool);
    }

    private static void run(List<String> command, String what) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(what + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " was interrupted", e);
        }
    }

    private static Path findBin() {
        try (Stream<Path> versions = Files.list(DEBIAN)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(
                            b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(PostgresCluster::missing);
        } catch (IOException e) {
            throw missing();
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("PostgreSQL is not installed (no initdb under " + DEBIAN
                + "/*/bin): install Debian's postgresql package (apt-get install postgresql), as .ci/run does.");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left for the system's temporary folder cleaning.
        }
    }
}
