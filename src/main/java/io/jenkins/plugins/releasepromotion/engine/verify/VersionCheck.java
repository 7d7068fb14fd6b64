package io.jenkins.plugins.releasepromotion.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The slot runs the tag and commit deployed: its version endpoint says so, and that it restarted since. */
final class VersionCheck implements Check {

    @Override
    public Attempt attempt(CheckConfig config, CheckContext context) throws InterruptedException {
        HttpAnswer answer;
        try {
            answer = context.http().send(HttpCall.get(context.url(config.path()), config.timeout()));
        } catch (ProbeException e) {
            return Attempt.fail(e.getMessage());
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("status", answer.statusLine());
        evidence.put("version", JsonText.compact(answer.body()));
        String where = context.where();
        if (!answer.isSuccess()) {
            return Attempt.fail(where + " answered " + answer.statusLine() + " on " + config.path(), evidence);
        }
        JsonNode json = JsonText.parse(answer.body());
        if (json == null || !json.isObject()) {
            return Attempt.fail(
                    where + " answered " + config.path() + " with something that is not a JSON object ("
                            + context.shown(answer.body()) + "); the version endpoint answers like"
                            + " {\"branch\": \"v1.2.3\", \"commit_sha\": \"...\"}",
                    evidence);
        }
        List<String> problems = VersionMatch.problems(json, context);
        if (!problems.isEmpty()) {
            return Attempt.fail(String.join("; ", problems), evidence);
        }
        String deployedAt = JsonText.field(json, "deployed_at");
        return Attempt.pass(
                where + " reports " + context.target().tag() + " (commit "
                        + VerificationReport.abbreviate(context.target().commit()) + ")"
                        + (deployedAt == null ? "" : ", deployed at " + context.shown(deployedAt)),
                evidence);
    }
}
