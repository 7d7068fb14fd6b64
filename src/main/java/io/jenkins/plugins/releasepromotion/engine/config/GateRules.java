package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.signing.AllowedSigners;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The rules of an environment's gates: where tags come from, approvers and their keys, windows and freezes. */
final class GateRules {

    private GateRules() {}

    static void gates(EnvironmentConfig environment, String path, Set<String> names, Problems problems) {
        GatesConfig gates = environment.gates();
        promotesFrom(gates.promotesFrom(), environment.name(), Problems.child(path, "promotesFrom"), names, problems);
        for (int i = 0; i < gates.approvers().size(); i++) {
            if (gates.approvers().get(i).isBlank()) {
                problems.add(Problems.index(Problems.child(path, "approvers"), i), "blank; name a user ID or a group");
            }
        }
        if (gates.approvals() > 1 && gates.approvers().isEmpty()) {
            problems.add(
                    Problems.child(path, "approvals"),
                    gates.approvals() + " approvals need approvers; list who may approve under approvers");
        }
        approverKeys(gates.approverKeys(), Problems.child(path, "approverKeys"), problems);
        for (int i = 0; i < gates.windows().size(); i++) {
            window(gates.windows().get(i), Problems.index(Problems.child(path, "windows"), i), problems);
        }
        for (int i = 0; i < gates.freezes().size(); i++) {
            freeze(gates.freezes().get(i), Problems.index(Problems.child(path, "freezes"), i), problems);
        }
    }

    private static void approverKeys(String file, String path, Problems problems) {
        if (file == null) {
            return;
        }
        try {
            AllowedSigners.read(Path.of(file));
        } catch (InvalidPathException e) {
            problems.add(path, "'" + DisplayText.of(file) + "' is not a path; give the allowed_signers file's path");
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
        }
    }

    private static void promotesFrom(String from, String self, String path, Set<String> names, Problems problems) {
        if (from == null) {
            return;
        }
        if (from.equals(self)) {
            problems.add(
                    path,
                    "'" + DisplayText.of(from) + "' is this environment itself; name the environment tags are"
                            + " verified on first, e.g. staging");
        } else if (!names.contains(from)) {
            problems.add(
                    path,
                    "'" + DisplayText.of(from) + "' is not an environment; use one of "
                            + String.join(", ", new TreeSet<>(names)));
        }
    }

    private static void window(DeployWindow window, String path, Problems problems) {
        if (window.from() == null) {
            problems.add(Problems.child(path, "from"), "required; when the window opens, e.g. 09:00");
        }
        if (window.to() == null) {
            problems.add(Problems.child(path, "to"), "required; when the window closes, e.g. 16:00");
        }
        if (window.from() != null && window.from().equals(window.to())) {
            problems.add(
                    Problems.child(path, "to"),
                    window.to() + " is the same time as from; a window needs a length (to before from runs across"
                            + " midnight)");
        }
    }

    private static void freeze(Freeze freeze, String path, Problems problems) {
        if (freeze.from() == null) {
            problems.add(Problems.child(path, "from"), "required; when the freeze starts, e.g. 2026-12-20T00:00:00Z");
        }
        if (freeze.to() == null) {
            problems.add(Problems.child(path, "to"), "required; when the freeze ends, e.g. 2027-01-05T00:00:00Z");
        }
        if (freeze.from() != null && freeze.to() != null && !freeze.from().isBefore(freeze.to())) {
            problems.add(
                    Problems.child(path, "to"),
                    freeze.to() + " is not after from (" + freeze.from() + "); a freeze ends after it starts");
        }
    }
}
