package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(LedgerKind.class)
@Timeout(60)
class DeploymentLockTest {

    @Parameter
    LedgerKind kind;

    @TempDir
    Path dir;

    private LedgerStore store;

    @BeforeEach
    void createStore() {
        store = LedgerStore.create(kind, dir);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }

    private Ledger ledger() {
        return store.open(LedgerWarnings.standardError());
    }

    @Test
    void aSecondLockInTheSameJvmIsRefusedNamingTheHolder() {
        Ledger ledger = ledger();
        try (DeploymentLock held = ledger.lock("production", null, "release #42 (alice)")) {
            assertThat(held.holder()).isEqualTo("release #42 (alice)");
            assertThat(held.environment()).isEqualTo("production");
            assertThat(held.slot()).isNull();
            assertThatThrownBy(() -> ledger().lock("production", null, "release #43 (bob)"))
                    .isInstanceOf(LedgerLockedException.class)
                    .hasMessageStartingWith("production is locked by 'release #42 (alice)' since ")
                    .hasMessageContaining("(process " + ProcessHandle.current().pid())
                    .hasMessageEndingWith("wait for that deployment to finish (its lock is freed when it ends or"
                            + " its process stops).");
        }
    }

    @Test
    void aClosedLockCanBeTakenAgainAndClosingTwiceIsHarmless() {
        Ledger ledger = ledger();
        DeploymentLock first = ledger.lock("staging", 1, "first");
        first.close();
        first.close();
        try (DeploymentLock second = ledger.lock("staging", 1, "second")) {
            assertThat(second.holder()).isEqualTo("second");
        }
    }

    @Test
    void differentSlotsAndEnvironmentsDoNotBlockEachOther() {
        Ledger ledger = ledger();
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
        assertThatThrownBy(() -> ledger().lock("staging", 0, "me"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Slot 0 of staging");
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedUntilThatProcessIsKilled() throws Exception {
        Ledger ledger = ledger();
        try (ChildJvm holder = child("lock", "staging", "1", "build 7 on agent-2")) {
            holder.await("LOCKED");

            assertThatThrownBy(() -> ledger.lock("staging", 1, "build 8"))
                    .isInstanceOf(LedgerLockedException.class)
                    .hasMessageStartingWith("staging slot 1 is locked by 'build 7 on agent-2' since ")
                    .satisfies(e ->
                            assertThat(((LedgerLockedException) e).holder()).contains("build 7"));
            ledger.lock("staging", 2, "build 9").close();

            holder.kill();
        }
        try (DeploymentLock mine = lockOnceFreed(ledger, "staging", 1, "build 8")) {
            assertThat(mine.holder()).isEqualTo("build 8");
        }
    }

    @Test
    void anotherProcessIsRefusedWhileWeHoldTheLockAndGetsItOnceReleased() throws Exception {
        Ledger ledger = ledger();
        try (DeploymentLock mine = ledger.lock("production", null, "release 1.2.3 by carol")) {
            try (ChildJvm other = child("lock", "production", "-", "other")) {
                assertThat(other.readLine()).startsWith("REFUSED production is locked by 'release 1.2.3 by carol'");
                assertThat(other.waitFor()).isZero();
            }
        }
        try (ChildJvm other = child("lock", "production", "-", "other")) {
            other.await("LOCKED");
            other.closeInput();
            other.await("RELEASED");
        }
        ledger.lock("production", null, "again").close();
    }

    private ChildJvm child(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = args[0];
        all[1] = store.spec();
        System.arraycopy(args, 1, all, 2, args.length - 1);
        return ChildJvm.start(dir.resolve("scratch"), store.childEnvironment(), all);
    }

    /**
     * The file lock is gone when the killed process is; the database frees an advisory lock once it has noticed that
     * the session's connection closed, a moment later. Until then it is refused, naming the dead holder.
     */
    private static DeploymentLock lockOnceFreed(Ledger ledger, String environment, Integer slot, String holder)
            throws InterruptedException {
        while (true) {
            try {
                return ledger.lock(environment, slot, holder);
            } catch (LedgerLockedException e) {
                assertThat(e.holder()).contains("build 7");
                Thread.sleep(20);
            }
        }
    }
}
