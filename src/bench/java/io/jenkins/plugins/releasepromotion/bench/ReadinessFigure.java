package io.jenkins.plugins.releasepromotion.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.port.MapCredentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationTarget;
import io.jenkins.plugins.releasepromotion.engine.verify.Verifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figure 1: how soon a verification notices that a slow-starting app is up, and how many requests it sends meanwhile.
 * Each trial starts one app per contender at the same moment, all becoming healthy after the same random 1-20 s; the
 * contenders run side by side: the hand-written loop ({@code until curl -fs …; do sleep 5; done}), a fixed 10 s
 * retry, and our health check (one success needed, as the loops need) against an app that honours {@code Prefer:
 * wait} and against one that ignores it.
 */
final class ReadinessFigure {
    private static final int TRIALS = Integer.getInteger("bench.readiness.trials", 12);
    private static final String[] NAMES = {"hand loop", "fixed 10 s", "ours, app honours wait", "ours, plain app"};

    /** Overshoot in seconds and requests, per contender and trial. */
    private final double[][] overshoot = new double[NAMES.length][TRIALS];

    private final double[][] requests = new double[NAMES.length][TRIALS];

    List<Figure> run() throws Exception {
        Random random = new Random(2026);
        ExecutorService pool = Executors.newFixedThreadPool(NAMES.length);
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                long readyAfter = 1000 + random.nextInt(19_001);
                trial(pool, trial, readyAfter);
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(row("1a", 2, "honours `Prefer: wait`"), row("1b", 3, "ignores `Prefer: wait`"));
    }

    private void trial(ExecutorService pool, int trial, long readyAfter) throws Exception {
        List<App> apps = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            apps.add(App.start(readyAfter, i == 2));
        }
        try {
            List<Future<Long>> done = new ArrayList<>();
            done.add(pool.submit(() -> handLoop(apps.get(0), 5)));
            done.add(pool.submit(() -> handLoop(apps.get(1), 10)));
            done.add(pool.submit(() -> ours(apps.get(2))));
            done.add(pool.submit(() -> ours(apps.get(3))));
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "trial %2d ready after %5.1f s:", trial + 1, readyAfter / 1000.0));
            for (int i = 0; i < NAMES.length; i++) {
                long returnedNanos = done.get(i).get();
                overshoot[i][trial] = (returnedNanos - apps.get(i).readyNanos) / 1e9;
                requests[i][trial] = apps.get(i).requests.get();
                line.append(String.format(
                        Locale.ROOT, "  %s +%.2f s %d req;", NAMES[i], overshoot[i][trial], (int) requests[i][trial]));
            }
            System.out.println(line);
        } finally {
            apps.forEach(App::close);
        }
    }

    /** The loop people write in a deploy script, as a real shell with real curl processes. */
    private static long handLoop(App app, int sleepSeconds) throws Exception {
        String script = "until curl -fs " + app.url() + "/api/health >/dev/null; do sleep " + sleepSeconds + "; done";
        Process process = new ProcessBuilder("bash", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.waitFor();
        return System.nanoTime();
    }

    private static long ours(App app) throws InterruptedException {
        EnvironmentConfig env = new EnvironmentConfig(
                "staging", EnvironmentKind.STAGING, 1, app.url(), null, null, List.of(), null, null, null);
        CheckConfig health = CheckBuilder.of(CheckType.HEALTH)
                .consecutive(1)
                .retries(20)
                .timeout(CheckConfig.DEFAULT_TIMEOUT)
                .backoff(CheckConfig.DEFAULT_BACKOFF)
                .build();
        new Verifier(new MapCredentials(), null, Clock.systemUTC(), Sleeper.real(), Secrets.none())
                .verify(new VerificationTarget(env, 1, "v1.0.0", "0".repeat(40), null), List.of(health), line -> {});
        return System.nanoTime();
    }

    private Figure row(String number, int contender, String app) {
        Stats ours = Stats.of(overshoot[contender]);
        Stats hand = Stats.of(overshoot[0]);
        Stats fixed = Stats.of(overshoot[1]);
        double ourRequests = Stats.of(requests[contender]).median();
        double handRequests = Stats.of(requests[0]).median();
        double ratio = ours.median() / hand.median();
        boolean met = ratio < 0.25 && sum(requests[contender]) <= sum(requests[0]);
        return new Figure(
                number + ". Readiness: overshoot (s) and requests, " + TRIALS
                        + " starts becoming healthy after a random 1-20 s; the app " + app,
                ours.format("s")
                        + String.format(
                                Locale.ROOT,
                                "; %s requests in all (median %s)",
                                (int) sum(requests[contender]),
                                Stats.num(ourRequests)),
                "hand loop " + hand.format("s")
                        + String.format(
                                Locale.ROOT,
                                ", %s requests in all (median %s); fixed 10 s" + " retry %s, %s requests",
                                (int) sum(requests[0]),
                                Stats.num(handRequests),
                                fixed.format("s"),
                                (int) sum(requests[1])),
                ratio,
                "median overshoot < 1/4 of the hand loop's, no more requests",
                met);
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    /**
     * An app whose {@code /api/health} answers 503 until it is ready and 200 after, counting every request; when it
     * honours {@code Prefer: wait}, a request that arrives while it starts is held until it is ready or the wait ends.
     */
    private static final class App implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        final HttpServer server;
        final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "readiness-app");
            t.setDaemon(true);
            return t;
        });
        final long readyNanos;
        final boolean honoursWait;

        private App(HttpServer server, long readyNanos, boolean honoursWait) {
            this.server = server;
            this.readyNanos = readyNanos;
            this.honoursWait = honoursWait;
        }

        static App start(long readyAfterMillis, boolean honoursWait) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            App app = new App(server, System.nanoTime() + readyAfterMillis * 1_000_000, honoursWait);
            server.setExecutor(app.handlers);
            server.createContext("/api/health", app::health);
            server.start();
            return app;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void health(HttpExchange exchange) throws IOException {
            requests.incrementAndGet();
            String prefer = exchange.getRequestHeaders().getFirst("Prefer");
            if (honoursWait && prefer != null && prefer.startsWith("wait=")) {
                long until =
                        System.nanoTime() + Long.parseLong(prefer.substring(5).strip()) * 1_000_000_000L;
                long wake = Math.min(until, readyNanos);
                try {
                    while (System.nanoTime() < wake) {
                        Thread.sleep(Math.max(1, (wake - System.nanoTime()) / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (honoursWait && prefer != null) {
                exchange.getResponseHeaders().set("Preference-Applied", prefer.strip());
            }
            boolean ready = System.nanoTime() >= readyNanos;
            byte[] body =
                    (ready ? "{\"status\":\"ok\"}" : "{\"status\":\"starting\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }
}
