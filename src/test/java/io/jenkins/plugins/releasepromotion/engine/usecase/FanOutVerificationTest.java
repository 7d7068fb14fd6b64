package io.jenkins.plugins.releasepromotion.engine.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several slots verified at once against real sample apps on loopback, with a ledger on disk. */
@Timeout(120)
class FanOutVerificationTest {
    @TempDir
    Path tmp;

    private SampleSlots slots;

    @AfterEach
    void tearDown() {
        if (slots != null) {
            slots.close();
        }
    }

    @Test
    void verifiesEverySlotAtOnceAndRecordsEachAsASingleVerifyDoes() throws Exception {
        slots = SampleSlots.create(tmp, 4, checks(Duration.ofSeconds(5)), Credentials.none());
        for (int slot = 1; slot <= 4; slot++) {
            slots.serve(slot, "v1.1.0");
            slots.deployed(slot, "v1.1.0");
        }
        // A list that is not safe for several writers: the fan-out hands it one line at a time.
        List<String> log = new ArrayList<>();

        FanOutResult result = new FanOutVerification(slots.engine())
                .verify(FanOutRequest.allSlots("staging", null, "ci", null), log::add);

        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.slots()).extracting(VerifyResult::slot).containsExactly(1, 2, 3, 4);
        assertThat(slots.ledger().attestations("staging", "v1.1.0", slots.commit("v1.1.0")))
                .extracting(LedgerRecord::slot)
                .containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(log.get(0)).isEqualTo("Verifying 4 slots of staging, 4 at a time.");
        assertThat(log.subList(1, log.size() - 1)).allMatch(line -> line.matches("\\[slot [1-4]] .+"));
        assertThat(log).anyMatch(line -> line.startsWith("[slot 3] SUCCEEDED: v1.1.0 on staging slot 3: "));
        assertThat(log.get(log.size() - 1)).startsWith("SUCCEEDED: 4 of 4 slots of staging passed in ");
    }

    @Test
    void oneFailingSlotFailsTheWholeAndTheOthersAreStillRecorded() throws Exception {
        slots = SampleSlots.create(tmp, 4, checks(Duration.ofSeconds(5)), Credentials.none());
        for (int slot = 1; slot <= 3; slot++) {
            slots.serve(slot, slot == 2 ? "v1.0.0" : "v1.1.0");
            slots.deployed(slot, "v1.1.0");
        }
        List<String> log = new ArrayList<>();

        FanOutResult result = new FanOutVerification(slots.engine())
                .verify(FanOutRequest.allSlots("staging", null, "ci", null), log::add);

        assertThat(result.outcome()).isEqualTo(Outcome.VERIFY_FAILED);
        assertThat(result.failedSlots()).containsExactly(2, 4);
        assertThat(slots.ledger().verifications("staging", "v1.1.0"))
                .extracting(LedgerRecord::slot, LedgerRecord::outcome)
                .containsExactlyInAnyOrder(
                        tuple(1, Outcome.SUCCEEDED), tuple(2, Outcome.VERIFY_FAILED), tuple(3, Outcome.SUCCEEDED));
        VerifyResult unknown = result.slots().get(3);
        assertThat(FanOutResult.verified(unknown)).isFalse();
        assertThat(unknown.summary()).startsWith("nothing is recorded as running there");
        assertThat(log)
                .contains("[slot 4] NOT VERIFIED: staging slot 4: nothing is recorded as running there, so nothing"
                        + " was verified; deploy a tag to it or name the tag to verify.");
        assertThat(log.get(log.size() - 1))
                .matches(
                        "VERIFY_FAILED: 2 of 4 slots of staging passed in .*; failed: slot 2, 4 \\(not verified\\)\\.");
    }

    @Test
    void aNamedTagAndAListOfSlotsVerifyOnlyThoseSlots() throws Exception {
        slots = SampleSlots.create(tmp, 4, checks(Duration.ofSeconds(5)), Credentials.none());
        slots.serve(2, "v1.1.0");
        slots.serve(3, "v1.1.0");

        FanOutResult result = new FanOutVerification(slots.engine())
                .verify(new FanOutRequest("staging", List.of(3, 2, 3), "v1.1.0", "ci", null, 1), line -> {});

        assertThat(result.passed()).isTrue();
        assertThat(result.slots()).extracting(VerifyResult::slot).containsExactly(3, 2);
        assertThat(slots.ledger().attestations("staging", "v1.1.0", slots.commit("v1.1.0")))
                .hasSize(2);
    }

    @Test
    void aSlotOutsideTheEnvironmentIsRefusedBeforeAnythingRuns() throws Exception {
        slots = SampleSlots.create(tmp, 4, checks(Duration.ofSeconds(5)), Credentials.none());

        assertThatThrownBy(() -> new FanOutVerification(slots.engine())
                        .verify(new FanOutRequest("staging", List.of(1, 5), null, "ci", null, 0), line -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Slot 5 is not a slot of staging; give a slot from 1 to 4.");
        assertThat(slots.ledger().history("staging")).isEmpty();
    }

    @Test
    void stoppingStopsEverySlotAndRecordsNothingHalfDone() throws Exception {
        slots = SampleSlots.create(tmp, 3, checks(Duration.ofSeconds(60)), Credentials.none());
        for (int slot = 1; slot <= 3; slot++) {
            slots.serve(slot, "hanging");
            slots.deployed(slot, "v1.1.0");
        }
        CountDownLatch asking = new CountDownLatch(3);
        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<FanOutResult> run = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            return new FanOutVerification(slots.engine())
                    .verify(FanOutRequest.allSlots("staging", null, "ci", null), line -> {
                        if (line.contains(": 2 checks")) {
                            asking.countDown();
                        }
                    });
        });
        assertThat(asking.await(30, TimeUnit.SECONDS)).isTrue();

        caller.get().interrupt();

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(OperationStoppedException.class)
                .hasMessageContaining("the verification of 3 slots of staging was stopped");
        assertThat(slots.ledger().verifications("staging", "v1.1.0")).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("release-promotion verify staging"));
    }

    private static List<CheckConfig> checks(Duration timeout) {
        return List.of(
                CheckBuilder.of(CheckType.HEALTH)
                        .consecutive(1)
                        .retries(2)
                        .backoff(Duration.ofMillis(50))
                        .timeout(timeout)
                        .build(),
                CheckBuilder.of(CheckType.VERSION)
                        .retries(1)
                        .backoff(Duration.ofMillis(50))
                        .timeout(timeout)
                        .build());
    }
}
