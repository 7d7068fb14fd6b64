package io.jenkins.plugins.releasepromotion.bench;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.FlowRequest;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.MapCredentials;
import io.jenkins.plugins.releasepromotion.engine.usecase.Engine;
import io.jenkins.plugins.releasepromotion.engine.usecase.FanOutRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.FanOutResult;
import io.jenkins.plugins.releasepromotion.engine.usecase.FanOutVerification;
import io.jenkins.plugins.releasepromotion.engine.usecase.SampleSlots;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyDeployment;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyResult;
import io.jenkins.plugins.releasepromotion.sample.SampleConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 3: every slot of a 50-slot staging environment verified at once against one slot verified on its own, in
 * this JVM. Each slot is a sample app behind {@code http://127.0.0.{slot}:PORT} with the demo's staging checks (health
 * twice in a row 0.2 s apart, version, the login, dashboard and campaigns flows), and the ledger says v1.1.0 runs on
 * each, so each verification reads the ledger, checks over HTTP and appends its record, forced to disk.
 */
final class FanOutFigure {
    private static final int SLOTS = 50;
    private static final int WARM_UPS = 3;
    private static final int ROUNDS = 10;
    private static final String TAG = "v1.1.0";

    private final Path dir;

    FanOutFigure(Path dir) {
        this.dir = dir;
    }

    Figure run() throws Exception {
        Path root = Files.createTempDirectory(dir, "fanout");
        MapCredentials credentials =
                new MapCredentials().user("demo-user", SampleConfig.DEFAULT_USERNAME, SampleConfig.DEFAULT_PASSWORD);
        try (SampleSlots slots = SampleSlots.create(root, SLOTS, checks(), credentials)) {
            for (int slot = 1; slot <= SLOTS; slot++) {
                slots.serve(slot, TAG);
                slots.deployed(slot, TAG);
            }
            Engine engine = slots.engine();
            for (int i = 0; i < WARM_UPS; i++) {
                one(engine);
                all(engine);
            }
            double[] one = new double[ROUNDS];
            double[] all = new double[ROUNDS];
            double[] ratios = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                one[i] = one(engine);
                all[i] = all(engine);
                ratios[i] = all[i] / one[i];
                System.out.printf(
                        Locale.ROOT,
                        "fanout round %d: 1 slot %.0f ms, %d slots at once %.0f ms, ratio %.2f%n",
                        i + 1,
                        one[i],
                        SLOTS,
                        all[i],
                        ratios[i]);
            }
            checkLedger(slots);
            Stats ours = Stats.of(all);
            Stats baseline = Stats.of(one);
            System.out.println("fanout ratios pair by pair (min / median / max): "
                    + Stats.of(ratios).format(""));
            double ratio = ours.median() / baseline.median();
            return new Figure(
                    "Fan-out: verifying " + SLOTS + " slots at once vs one (ms)",
                    ours.format("ms"),
                    baseline.format("ms") + " (one slot)",
                    ratio,
                    "≤ 1.5",
                    ratio <= 1.5);
        }
    }

    /** Milliseconds to verify slot 1 on its own, as {@code verify --slot 1} does. */
    private static double one(Engine engine) {
        long start = System.nanoTime();
        VerifyResult result = new VerifyDeployment(engine)
                .verify(new VerifyRequest("staging", 1, null, "bench", null), LogSink.discard());
        double millis = (System.nanoTime() - start) / 1e6;
        if (!result.passed()) {
            throw new IllegalStateException("slot 1 did not pass: " + result.summary());
        }
        return millis;
    }

    /** Milliseconds to verify every slot at once, as {@code verify --all-slots} does. */
    private static double all(Engine engine) {
        long start = System.nanoTime();
        FanOutResult result = new FanOutVerification(engine)
                .verify(FanOutRequest.allSlots("staging", null, "bench", null), LogSink.discard());
        double millis = (System.nanoTime() - start) / 1e6;
        if (!result.passed() || result.slots().size() != SLOTS) {
            throw new IllegalStateException("slots did not pass: " + result.failedSlots());
        }
        return millis;
    }

    /** The ledger shows the tag on every slot, and an attestation of it from every slot. */
    private static void checkLedger(SampleSlots slots) {
        for (int slot = 1; slot <= SLOTS; slot++) {
            String running =
                    slots.ledger().current("staging", slot).orElseThrow().tag();
            if (!TAG.equals(running)) {
                throw new IllegalStateException("the ledger shows " + running + " on slot " + slot);
            }
        }
        long attested = slots.ledger().attestations("staging", TAG, slots.commit(TAG)).stream()
                .map(r -> r.slot())
                .distinct()
                .count();
        if (attested != SLOTS) {
            throw new IllegalStateException("attestations from " + attested + " slots, not " + SLOTS);
        }
    }

    private static List<CheckConfig> checks() {
        Duration backoff = Duration.ofMillis(200);
        return List.of(
                CheckBuilder.of(CheckType.HEALTH)
                        .consecutive(2)
                        .retries(8)
                        .backoff(backoff)
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                CheckBuilder.of(CheckType.VERSION).retries(4).backoff(backoff).build(),
                CheckBuilder.of(CheckType.FLOWS)
                        .name("key-user-flows")
                        .requests(
                                flow("login", "POST", "/api/login", Map.of("/user/name", "demo")),
                                flow("dashboard", "GET", "/api/dashboard", Map.of()),
                                flow("campaigns", "GET", "/api/campaigns", Map.of()))
                        .build());
    }

    private static FlowRequest flow(String name, String method, String path, Map<String, String> json) {
        return new FlowRequest(name, method, path, null, null, "demo-user", 200, json, null);
    }
}
