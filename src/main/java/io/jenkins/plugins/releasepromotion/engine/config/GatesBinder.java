package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/** Binds an environment's gates: where tags come from, who approves, when deploys may happen. */
final class GatesBinder {

    private GatesBinder() {}

    static GatesConfig gates(MappingReader r) {
        return new GatesConfig(
                r.text("promotesFrom"),
                r.duration("maxAttestationAge"),
                r.choice("liveVersion", LiveVersionMode.class),
                r.texts("approvers"),
                r.mappings("windows", GatesBinder::window),
                r.mappings("freezes", GatesBinder::freeze),
                approvals(r),
                r.text("approverKeys"));
    }

    /** A whole number of at least 1; 0 (the default) when absent or refused. */
    private static int approvals(MappingReader r) {
        Integer number = r.parsed("approvals", GatesBinder::approvalCount);
        return number == null ? 0 : number;
    }

    private static int approvalCount(String text) {
        int number = Scalars.integer(text);
        if (number < 1) {
            throw new IllegalArgumentException(number + " is not a number of approvers; give a whole number of 1 or"
                    + " more (how many distinct approvers a promotion needs)");
        }
        return number;
    }

    private static DeployWindow window(MappingReader r) {
        List<DayOfWeek> days = r.parsedList("days", "", Scalars::day);
        return new DeployWindow(
                days == null ? null : Set.copyOf(days),
                r.parsed("from", Scalars::time),
                r.parsed("to", Scalars::time),
                r.parsed("timeZone", Scalars::zone));
    }

    private static Freeze freeze(MappingReader r) {
        return new Freeze(r.parsed("from", Scalars::instant), r.parsed("to", Scalars::instant), r.text("reason"));
    }
}
