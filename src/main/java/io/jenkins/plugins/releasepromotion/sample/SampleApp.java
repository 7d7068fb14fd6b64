package io.jenkins.plugins.releasepromotion.sample;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small stand-in for the deployed application: it serves the version, health, login, dashboard, campaigns and
 * migrations endpoints of the mission for the tag checked out in its deployment directory, on loopback, with the
 * {@link Faults} of that directory's {@code faults.json}. Runs in-process ({@link #start(SampleConfig)}) or as its
 * own process ({@link #main(String[])}), which the deploy script stops and starts.
 */
public final class SampleApp implements AutoCloseable {
    /** The variable naming a process whose end stops the app. */
    public static final String WATCH_PID = "SAMPLE_WATCH_PID";

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // Answers leave at once: otherwise the server's separate writes of headers and body wait for the client's
        // delayed acknowledgement, about 40 ms a request on loopback, which the servers of real applications do not
        // add.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closing;

    private SampleApp(HttpServer server, ExecutorService executor, CountDownLatch closing) {
        this.server = server;
        this.executor = executor;
        this.closing = closing;
    }

    /**
     * Reads the checkout and the faults, then listens.
     *
     * @throws IOException when the directory is no git checkout, {@code faults.json} is wrong or the port is taken
     */
    public static SampleApp start(SampleConfig config) throws IOException {
        return start(config, InetAddress.getLoopbackAddress());
    }

    /**
     * The same, listening on {@code address}: on Linux every address of 127.0.0.0/8 is loopback, so many slots behind
     * {@code http://127.0.0.{slot}:PORT} can share one port number.
     */
    public static SampleApp start(SampleConfig config, InetAddress address) throws IOException {
        Release release = Release.read(config.dir());
        Faults faults = Faults.read(config.dir());
        delay(faults.startDelayMillis());
        HttpServer server = listen(address, config.port());
        CountDownLatch closing = new CountDownLatch(1);
        new StatusEndpoints(config, release, faults, closing).register(server);
        new AccountEndpoints(config).register(server);
        // A thread per request, so a hanging answer never holds up the others.
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sample app request");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new SampleApp(server, executor, closing);
    }

    private static HttpServer listen(InetAddress address, int port) throws IOException {
        try {
            return HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (BindException e) {
            throw new IOException(
                    "Port " + port + " on " + address.getHostAddress() + " is taken; stop what listens there, or use"
                            + " port 0 for any free one.",
                    e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Releases hanging requests, stops listening and ends the request threads. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException {
        closing.await();
    }

    /**
     * {@code --dir <deployment dir> [--port <n, 0 for any>] [--environment staging] [--slot 1] [--port-file <file>]
     * [--pid-file <file>]}; the user that can log in comes from {@code SAMPLE_USERNAME} and {@code SAMPLE_PASSWORD}.
     * Runs until the process is stopped (SIGTERM), or until the process {@value #WATCH_PID} names ends.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        SampleArgs parsed;
        try {
            parsed = SampleArgs.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SampleArgs.USAGE);
            System.exit(2);
            return;
        }
        SampleApp app;
        try {
            app = start(parsed.config());
        } catch (IOException e) {
            System.err.println("The sample app cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "sample app shutdown"));
        watch(System.getenv(WATCH_PID), app);
        if (parsed.pidFile() != null) {
            writeAtomically(
                    parsed.pidFile(), Long.toString(ProcessHandle.current().pid()));
        }
        // Written last: the deploy script takes the port file as the sign that the app listens.
        if (parsed.portFile() != null) {
            writeAtomically(parsed.portFile(), Integer.toString(app.port()));
        }
        System.out.println("Sample app for " + parsed.config().dir() + " listening on http://127.0.0.1:" + app.port());
        app.awaitClose();
    }

    /**
     * Ends the app when the process {@code pid} ends, so a demo killed at any point (even with SIGKILL, which runs no
     * clean-up of its own) leaves no app behind.
     */
    private static void watch(String pid, SampleApp app) {
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.strip()))
                .map(ProcessHandle::onExit)
                .orElse(CompletableFuture.completedFuture(null))
                .thenRun(() -> {
                    System.out.println("Process " + pid.strip() + " ended; stopping.");
                    app.close();
                });
    }

    /** Written beside and moved into place, so a reader never sees half a number. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void delay(long millis) throws IOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during the start delay of faults.json");
        }
    }
}
