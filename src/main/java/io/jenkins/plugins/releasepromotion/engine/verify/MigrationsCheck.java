package io.jenkins.plugins.releasepromotion.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Database migrations applied: either a value in an endpoint's JSON (e.g. {@code /pending} is {@code []}), or a
 * command where the deploy runs that exits 0.
 */
final class MigrationsCheck implements Check {

    @Override
    public Attempt attempt(CheckConfig config, CheckContext context) throws InterruptedException {
        return config.command().isEmpty() ? endpoint(config, context) : command(config, context);
    }

    private static Attempt endpoint(CheckConfig config, CheckContext context) throws InterruptedException {
        HttpAnswer answer;
        try {
            answer = context.http().send(HttpCall.get(context.url(config.path()), config.timeout()));
        } catch (ProbeException e) {
            return Attempt.fail(e.getMessage());
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("status", answer.statusLine());
        evidence.put("body", JsonText.compact(answer.body()));
        if (!answer.isSuccess()) {
            return Attempt.fail(
                    context.where() + " answered " + answer.statusLine() + " on " + config.path(), evidence);
        }
        JsonNode json = JsonText.parse(answer.body());
        if (json == null) {
            return Attempt.fail(
                    config.path() + " did not answer JSON (" + context.shown(answer.body()) + ")", evidence);
        }
        String value = JsonText.at(json, config.jsonPointer());
        if (value != null) {
            evidence.put("value", value);
        }
        if (!Objects.equals(config.expected(), value)) {
            return Attempt.fail(
                    config.jsonPointer() + " of " + config.path() + " is "
                            + (value == null ? "missing" : "'" + context.shown(value) + "'") + ", expected '"
                            + context.shown(config.expected()) + "'",
                    evidence);
        }
        return Attempt.pass(config.jsonPointer() + " is '" + context.shown(value) + "'", evidence);
    }

    private static Attempt command(CheckConfig config, CheckContext context) {
        String unusable = Commands.unusable(config, context);
        if (unusable != null) {
            return Attempt.conclusive(unusable);
        }
        CommandResult result;
        try {
            result = Commands.run(config, context, LogSink.discard());
        } catch (CommandException e) {
            return Attempt.fail(e.getMessage());
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("exitCode", Integer.toString(result.exitCode()));
        evidence.put("output", String.join("\n", result.output()));
        return result.succeeded()
                ? Attempt.pass(config.command().get(0) + " exited with status 0", evidence)
                : Attempt.fail(Commands.failure(config, result), evidence);
    }
}
