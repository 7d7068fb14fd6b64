package io.jenkins.plugins.releasepromotion.vars;

import hudson.AbortException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the plugin's steps return for a healthy staging and production, in the shape of docs/steps.md. */
final class Environments {
    private Environments() {}

    static Map<String, Object> promote(Map<String, Object> args) {
        Map<String, Object> result = new LinkedHashMap<>();
        Object decision = args.get("approvalDecision");
        result.put("outcome", decision == null ? "SUCCEEDED" : decision);
        result.put("succeeded", decision == null);
        result.put("tag", args.get("tag"));
        result.put("commit", VarsReleasePipelineTest.COMMIT);
        result.put("environment", args.get("environment"));
        result.put("slot", args.get("slot"));
        result.put("previousTag", "v1.1.0");
        result.put("releaseNotes", "### Added\n- Campaigns page");
        result.put("verification", "v1.2.0 (commit a8adb0a) passed verification on " + args.get("environment"));
        result.put("message", Boolean.TRUE.equals(args.get("dryRun")) ? "allowed" : "Promoted");
        result.put("recordId", Boolean.TRUE.equals(args.get("dryRun")) ? null : "record-1");
        return result;
    }

    static Map<String, Object> verify(Map<String, Object> args) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("outcome", "SUCCEEDED");
        result.put("passed", true);
        result.put("tag", args.get("tag"));
        result.put("commit", VarsReleasePipelineTest.COMMIT);
        result.put("environment", args.get("environment"));
        result.put("slot", args.get("slot"));
        result.put(
                "summary",
                "v1.2.0 (commit a8adb0a) passed verification on staging slot " + args.get("slot")
                        + ": 4 passed (6.1 s)");
        return result;
    }

    static Map<String, Object> rollback(Map<String, Object> args) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("outcome", "SUCCEEDED");
        result.put("succeeded", true);
        result.put("tag", "v1.1.0");
        result.put("fromTag", "v1.2.0");
        result.put("environment", args.get("environment"));
        return result;
    }

    /** releaseStatus' row for an environment: {@code uncertain} when a deploy there started and did not succeed. */
    static Function<Map<String, Object>, Object> status(boolean uncertain) {
        return args -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("environment", args.get("environment"));
            row.put("slot", null);
            row.put("tag", "v1.1.0");
            row.put("commit", "51c0e7d");
            row.put("uncertain", uncertain);
            return List.of(row);
        };
    }

    /**
     * What promoteTag and rollbackTo throw when the operation ended with a recorded outcome other than SUCCEEDED:
     * PromoteTagStep.Execution#run throws {@code hudson.AbortException} with the prefix and the result's one line.
     */
    static RuntimeException abort(String line) {
        return Checked.<RuntimeException>rethrow(new AbortException("[release-promotion] " + line));
    }

    /** A promoteTag that fails the way {@code line} says when it deploys to production, and is healthy otherwise. */
    static Function<Map<String, Object>, Object> productionFails(String line) {
        return args -> {
            if ("production".equals(args.get("environment"))
                    && !Boolean.TRUE.equals(args.get("dryRun"))
                    && args.get("approvalDecision") == null) {
                throw abort(line);
            }
            return promote(args);
        };
    }

    /** input's answer with every checklist item ticked, as Jenkins returns it with a submitterParameter. */
    static Map<String, Object> ticked(String approver) {
        Map<String, Object> answer = new HashMap<>();
        for (String item : new String[] {
            "TAG_MATCHES_STAGING", "STAGING_VERIFIED", "BACKUP_READY", "WINDOW_SCHEDULED", "ROLLBACK_READY"
        }) {
            answer.put(item, true);
        }
        answer.put("BREAK_GLASS_REASON", "");
        answer.put("APPROVER", approver);
        return answer;
    }

    static Function<Map<String, Object>, Object> approvedBy(String approver) {
        return args -> ticked(approver);
    }
}
