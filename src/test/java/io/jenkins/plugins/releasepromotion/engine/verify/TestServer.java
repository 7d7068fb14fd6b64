package io.jenkins.plugins.releasepromotion.engine.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/** An application on a loopback port, answering the way a test tells it to. */
final class TestServer implements AutoCloseable {
    static {
        // Headers and body go out in two writes; without this, each answer waits on a delayed acknowledgement.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String scheme;

    private TestServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(executor);
        server.start();
    }

    static TestServer http() throws IOException {
        return new TestServer(HttpServer.create(loopback(), 0), "http");
    }

    static TestServer https(SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new TestServer(server, "https");
    }

    /** Answers {@code path} (and below) with {@code handler} from now on. */
    TestServer on(String path, HttpHandler handler) {
        try {
            server.removeContext(path);
        } catch (IllegalArgumentException none) {
            // the first handler for this path
        }
        server.createContext(path, handler);
        return this;
    }

    String url() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A handler that never answers until the server closes: a hanging application. */
    HttpHandler hanging() {
        return exchange -> {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        };
    }

    /**
     * Streams up to {@code bytes} bytes of body until the client hangs up, counting what got out, and counts down
     * {@code done} when it stops.
     */
    static HttpHandler streaming(long bytes, AtomicLong written, CountDownLatch done) {
        return exchange -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                while (written.get() < bytes) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientHungUp) {
                // expected: the client stopped reading and closed the connection
            } finally {
                done.countDown();
            }
        };
    }

    static HttpHandler redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        };
    }

    static HttpHandler answer(int status, String body) {
        return exchange -> send(exchange, status, body);
    }

    /** Answers with each status in turn, repeating the last one. */
    static HttpHandler statuses(Integer... statuses) {
        Deque<Integer> left = new ArrayDeque<>(Arrays.asList(statuses));
        return exchange -> {
            int status;
            synchronized (left) {
                status = left.size() > 1 ? left.removeFirst() : left.getFirst();
            }
            send(exchange, status, status < 300 ? "{\"status\":\"ok\"}" : "{\"status\":\"down\"}");
        };
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
