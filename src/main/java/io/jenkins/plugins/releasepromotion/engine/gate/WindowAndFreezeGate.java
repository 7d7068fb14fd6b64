package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.config.DeployWindow;
import io.jenkins.plugins.releasepromotion.engine.config.Freeze;
import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import java.util.List;
import java.util.Optional;

/** Deploys happen inside the environment's windows and outside its freezes, unless an override reason is given. */
final class WindowAndFreezeGate implements PromotionGate {

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        GatesConfig gates = facts.environment().gates();
        String name = facts.environment().name();
        String override = facts.request().windowOverrideReason();
        boolean overridden = override != null;
        String way =
                overridden ? "going ahead on the override: " + override : "deploy later or give an override reason";
        for (Freeze freeze : gates.freezes()) {
            if (!facts.now().isBefore(freeze.from()) && facts.now().isBefore(freeze.to())) {
                String why = freeze.reason() == null ? "" : " (" + freeze.reason() + ")";
                out.refuseOrWarn(
                        overridden,
                        ViolationCode.IN_FREEZE,
                        name + " is frozen until " + freeze.to() + why + "; " + way + ".");
            }
        }
        List<DeployWindow> windows = gates.windows();
        if (windows.isEmpty() || windows.stream().anyMatch(w -> Windows.isOpen(w, facts.now()))) {
            return;
        }
        Optional<String> next = Windows.nextOpening(windows, facts.now());
        out.refuseOrWarn(
                overridden,
                ViolationCode.OUTSIDE_WINDOW,
                "It is outside the deploy windows of " + name
                        + " (" + Windows.describe(windows) + ")"
                        + next.map(n -> "; the next opens " + n).orElse("")
                        + "; " + way + ".");
    }
}
