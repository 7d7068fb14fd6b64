package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Another process using the same ledger (a directory, or a database URL with the password in the environment), driven through its arguments, standard input and output.
 *
 * <ul>
 *   <li>{@code append <ledger> <environment> <threads> <records per thread, -1 for ever> <single|pairs>}: prints
 *       {@code READY}, waits for a line on standard input, then appends; prints {@code S <id>} or {@code F <id>} once
 *       a started or finished record is durable, and {@code DONE} at the end.
 *   <li>{@code lock <ledger> <environment> <slot or -> <holder>}: prints {@code LOCKED}, holds the lock until standard
 *       input ends, then prints {@code RELEASED}; prints {@code REFUSED <message>} when someone holds it.
 * </ul>
 */
final class LedgerChild {

    private LedgerChild() {}

    public static void main(String[] args) throws Exception {
        Ledger ledger = LedgerStore.open(
                args[1], System.getenv(LedgerStore.PASSWORD_VARIABLE), line -> System.err.println(line));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (args[0].equals("append")) {
            System.out.println("READY");
            in.readLine();
            append(ledger, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5].equals("pairs"));
            System.out.println("DONE");
        } else {
            Integer slot = args[3].equals("-") ? null : Integer.valueOf(args[3]);
            try (DeploymentLock lock = ledger.lock(args[2], slot, args[4])) {
                System.out.println("LOCKED");
                while (in.readLine() != null) {
                    // Held until the test closes our input or kills us.
                }
            } catch (LedgerLockedException e) {
                System.out.println("REFUSED " + e.getMessage());
                return;
            }
            System.out.println("RELEASED");
        }
    }

    private static void append(Ledger ledger, String environment, int threads, int count, boolean pairs)
            throws InterruptedException {
        List<Thread> writers = new ArrayList<>();
        long pid = ProcessHandle.current().pid();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(new Thread(() -> {
                for (int n = 0; count < 0 || n < count; n++) {
                    LedgerRecord started = LedgerRecord.started(
                            RecordKind.DEPLOYMENT,
                            environment,
                            thread + 1,
                            "v" + pid + "." + thread + "." + n,
                            "c" + n,
                            "writer-" + pid,
                            Instant.now());
                    if (pairs) {
                        ledger.append(started);
                        System.out.println("S " + started.id());
                    }
                    ledger.append(
                            started.withEvidence("n", Integer.toString(n)).finish(Outcome.SUCCEEDED, Instant.now()));
                    System.out.println("F " + started.id());
                }
            }));
        }
        for (Thread writer : writers) {
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }
}
