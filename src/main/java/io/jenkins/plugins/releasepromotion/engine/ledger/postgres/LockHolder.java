package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** How a lock holder is named to whoever is refused: who, since when, which process on which machine. */
final class LockHolder {
    private LockHolder() {}

    static String describe(String holder, Instant since) {
        String who = holder == null || holder.isBlank() ? "an unnamed holder" : "'" + printable(holder) + "'";
        return who + " since " + since + " (process " + ProcessHandle.current().pid() + " on " + machine() + ")";
    }

    static String place(String environment, Integer slot) {
        String name = DisplayText.of(environment);
        return slot == null ? name : name + " slot " + slot;
    }

    private static String machine() {
        try {
            return printable(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            String name = System.getenv("HOSTNAME");
            return name == null || name.isBlank() ? "an unnamed machine" : printable(name);
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString().strip();
    }
}
