package io.jenkins.plugins.releasepromotion.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** {@code /api/version}, {@code /api/health} and {@code /api/migrations}, each with its faults. */
final class StatusEndpoints {
    private static final int MIB = 1 << 20;

    private final SampleConfig config;
    private final Release release;
    private final Faults faults;
    private final CountDownLatch closing;
    private final Instant deployedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final long startedNanos = System.nanoTime();
    private final AtomicLong healthCalls = new AtomicLong();

    StatusEndpoints(SampleConfig config, Release release, Faults faults, CountDownLatch closing) {
        this.config = config;
        this.release = release;
        this.faults = faults;
        this.closing = closing;
    }

    void register(HttpServer server) {
        Exchanges.route(server, "GET", "/api/version", this::version);
        Exchanges.route(server, "GET", "/api/health", this::health);
        Exchanges.route(server, "GET", "/api/migrations", this::migrations);
    }

    private void version(HttpExchange exchange) throws IOException {
        if (hung()) {
            return;
        }
        if (faults.versionStatus() != 0) {
            Exchanges.send(exchange, faults.versionStatus(), Map.of("error", "version unavailable"));
        } else if (faults.malformedJson()) {
            String cut = "{\"environment\": \"" + config.environment() + "\", \"slot\": ";
            Exchanges.sendRaw(exchange, 200, cut.getBytes(StandardCharsets.UTF_8));
        } else if (faults.hugeBodyMiB() > 0) {
            huge(exchange, faults.hugeBodyMiB());
        } else {
            Exchanges.send(exchange, 200, versionBody());
        }
    }

    private Map<String, Object> versionBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environment", config.environment());
        body.put("slot", config.slot());
        body.put("branch", release.branch());
        body.put("commit_sha", faults.wrongCommit() ? otherCommit(release.commit()) : release.commit());
        body.put("deployed_at", faults.staleDeployedAt() ? Faults.STALE_DEPLOYED_AT : deployedAt.toString());
        return body;
    }

    private void health(HttpExchange exchange) throws IOException {
        if (hung()) {
            return;
        }
        long sinceStart = (System.nanoTime() - startedNanos) / 1_000_000;
        long wait = preferredWaitMillis(exchange);
        if (sinceStart < faults.slowStartMillis() && wait > 0) {
            // Prefer: wait (RFC 7240): hold the answer until healthy, or until the client stops waiting.
            long held = Math.min(faults.slowStartMillis() - sinceStart, wait);
            try {
                if (closing.await(held, TimeUnit.MILLISECONDS)) {
                    return; // the app is stopping: the request ends with it
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            exchange.getResponseHeaders().set("Preference-Applied", "wait=" + wait / 1000);
            sinceStart = (System.nanoTime() - startedNanos) / 1_000_000;
        }
        if (sinceStart < faults.slowStartMillis()) {
            Exchanges.send(exchange, 503, Map.of("status", "starting"));
        } else if (faults.flappingHealth() && healthCalls.getAndIncrement() % 2 == 1) {
            Exchanges.send(exchange, 503, Map.of("status", "unhealthy"));
        } else {
            String state = faults.pendingMigrations() > 0 ? "pending" : "up-to-date";
            Exchanges.send(exchange, 200, Map.of("status", "ok", "database", Map.of("migrations", state)));
        }
    }

    /** The {@code wait} of a {@code Prefer} request header in milliseconds, capped at a minute; 0 when absent. */
    static long preferredWaitMillis(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Prefer", List.of())) {
            for (String preference : header.split(",")) {
                String[] pair = preference.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("wait")) {
                    try {
                        return Math.min(Long.parseLong(pair[1].strip()), 60) * 1000;
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    private void migrations(HttpExchange exchange) throws IOException {
        List<String> all = release.migrations();
        int applied = Math.max(0, all.size() - faults.pendingMigrations());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applied", all.subList(0, applied));
        body.put("pending", all.subList(applied, all.size()));
        Exchanges.send(exchange, 200, body);
    }

    /** Valid JSON, streamed: a reader that buffers whole answers runs out of memory, one with a limit does not. */
    private void huge(HttpExchange exchange, int mebibytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] padding = new byte[MIB];
        Arrays.fill(padding, (byte) 'x');
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"padding\": \"".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < mebibytes; i++) {
                out.write(padding);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** With the hang fault, holds the request until the app closes, as a deadlocked process would, unanswered. */
    private boolean hung() {
        if (!faults.hang()) {
            return false;
        }
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** A plausible commit that is not the one checked out: every hex digit flipped. */
    private static String otherCommit(String commit) {
        StringBuilder out = new StringBuilder(commit.length());
        for (char ch : commit.toCharArray()) {
            out.append(Character.forDigit(15 - Character.digit(ch, 16), 16));
        }
        return out.toString();
    }
}
