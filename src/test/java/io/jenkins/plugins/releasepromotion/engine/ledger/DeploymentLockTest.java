package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DeploymentLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondLockInTheSameJvmIsRefusedNamingTheHolder() {
        JsonLinesLedger ledger = new JsonLinesLedger(dir);
        try (DeploymentLock held = ledger.lock("production", null, "release #42 (alice)")) {
            assertThat(held.holder()).isEqualTo("release #42 (alice)");
            assertThat(held.environment()).isEqualTo("production");
            assertThat(held.slot()).isNull();
            assertThatThrownBy(() -> new JsonLinesLedger(dir).lock("production", null, "release #43 (bob)"))
                    .isInstanceOf(LedgerLockedException.class)
                    .hasMessageStartingWith("production is locked by 'release #42 (alice)' since ")
                    .hasMessageContaining("(process " + ProcessHandle.current().pid() + ")")
                    .hasMessageEndingWith("wait for that deployment to finish (its lock is freed when it ends or"
                            + " its process stops).");
        }
    }

    @Test
    void aClosedLockCanBeTakenAgainAndClosingTwiceIsHarmless() {
        JsonLinesLedger ledger = new JsonLinesLedger(dir);
        DeploymentLock first = ledger.lock("staging", 1, "first");
        first.close();
        first.close();
        try (DeploymentLock second = ledger.lock("staging", 1, "second")) {
            assertThat(second.holder()).isEqualTo("second");
        }
    }

    @Test
    void differentSlotsAndEnvironmentsDoNotBlockEachOther() {
        JsonLinesLedger ledger = new JsonLinesLedger(dir);
        try (DeploymentLock one = ledger.lock("staging", 1, "a");
                DeploymentLock two = ledger.lock("staging", 2, "b");
                DeploymentLock none = ledger.lock("staging", null, "c");
                DeploymentLock other = ledger.lock("production", 1, "d")) {
            assertThat(one.slot()).isEqualTo(1);
            assertThat(two.slot()).isEqualTo(2);
            assertThat(none.slot()).isNull();
            assertThat(other.environment()).isEqualTo("production");
        }
    }

    @Test
    void refusesASlotBelowOne() {
        assertThatThrownBy(() -> new JsonLinesLedger(dir).lock("staging", 0, "me"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Slot 0 of staging");
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedUntilThatProcessDies() throws Exception {
        JsonLinesLedger ledger = new JsonLinesLedger(dir);
        try (ChildJvm holder =
                ChildJvm.start(dir.resolve("scratch"), "lock", dir.toString(), "staging", "1", "build 7 on agent-2")) {
            holder.await("LOCKED");

            assertThatThrownBy(() -> ledger.lock("staging", 1, "build 8"))
                    .isInstanceOf(LedgerLockedException.class)
                    .hasMessageStartingWith("staging slot 1 is locked by 'build 7 on agent-2' since ")
                    .satisfies(e ->
                            assertThat(((LedgerLockedException) e).holder()).contains("build 7"));
            ledger.lock("staging", 2, "build 9").close();

            holder.kill();
        }
        try (DeploymentLock mine = ledger.lock("staging", 1, "build 8")) {
            assertThat(mine.holder()).isEqualTo("build 8");
        }
    }

    @Test
    void anotherProcessIsRefusedWhileWeHoldTheLockAndGetsItOnceReleased() throws Exception {
        JsonLinesLedger ledger = new JsonLinesLedger(dir);
        Path scratch = dir.resolve("scratch");
        try (DeploymentLock mine = ledger.lock("production", null, "release 1.2.3 by carol")) {
            try (ChildJvm other = ChildJvm.start(scratch, "lock", dir.toString(), "production", "-", "other")) {
                assertThat(other.readLine()).startsWith("REFUSED production is locked by 'release 1.2.3 by carol'");
                assertThat(other.waitFor()).isZero();
            }
        }
        try (ChildJvm other = ChildJvm.start(scratch, "lock", dir.toString(), "production", "-", "other")) {
            other.await("LOCKED");
            other.closeInput();
            other.await("RELEASED");
        }
        ledger.lock("production", null, "again").close();
    }
}
