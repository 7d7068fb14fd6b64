package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every operation that changes or checks an environment shares: who runs it, and where the report goes. */
final class OperationOptions {
    @Option(
            names = "--actor",
            paramLabel = "NAME",
            description = "Who runs it, as recorded in the ledger. Default: the user name of this process.")
    String actor;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Also write the verification report (JSON, see docs/verification.md) to FILE.")
    Path report;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    String actor() {
        return actor != null ? actor : System.getProperty("user.name");
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Progress goes to standard error, so that standard output stays the result alone (e.g. JSON). */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void writeReport(String json) {
        if (report == null || json == null) {
            return;
        }
        try {
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(report, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + report, e);
        }
    }

    /**
     * An approval that was not given: one line (or JSON), exit code 7.
     *
     * @param wayOut what to do instead, a sentence
     */
    int rejected(boolean json, PromotionPlan plan, ApprovalPrompt.Decision decision, String wayOut) {
        String where = plan.slot() == null ? plan.environment() : plan.environment() + " slot " + plan.slot();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("outcome", decision.outcome().name());
            out.put("tag", plan.tag());
            out.put("commit", plan.commit());
            out.put("environment", plan.environment());
            out.put("slot", plan.slot());
            out.put("approvedBy", decision.approver());
            out.put("message", decision.reason());
            out().println(Json.write(out));
        } else {
            out().println(decision.outcome() + " " + plan.tag() + " to " + where + ": not approved ("
                    + decision.reason() + "); nothing was deployed. " + wayOut);
        }
        return ExitCode.REJECTED;
    }
}
