package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** No critical errors in the logs: a command prints them, and no line may match a failure pattern unless ignored. */
final class LogsCheck implements Check {

    @Override
    public Attempt attempt(CheckConfig config, CheckContext context) {
        String unusable = Commands.unusable(config, context);
        if (unusable != null) {
            return Attempt.conclusive(unusable);
        }
        LineScanner scanner;
        try {
            scanner = new LineScanner(compile(config.failurePatterns()), compile(config.ignorePatterns()));
        } catch (PatternSyntaxException e) {
            return Attempt.conclusive(config.name() + ": '" + e.getPattern() + "' is not a regular expression ("
                    + e.getDescription() + "); fix the pattern");
        }
        CommandResult result;
        try {
            result = Commands.run(config, context, scanner);
        } catch (CommandException e) {
            return Attempt.fail(e.getMessage());
        }
        if (!result.succeeded()) {
            return Attempt.fail("cannot read the logs: " + Commands.failure(config, result));
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("lines", Integer.toString(scanner.lines()));
        evidence.put("matches", Integer.toString(scanner.matches()));
        if (scanner.matches() == 0) {
            return Attempt.pass("no failure pattern in " + scanner.lines() + " lines", evidence);
        }
        evidence.put("firstMatches", String.join("\n", scanner.firstMatches()));
        return Attempt.fail(
                scanner.matches() + " of " + scanner.lines() + " lines match a failure pattern, first: "
                        + context.shown(scanner.firstMatches().get(0)),
                evidence);
    }

    private static List<Pattern> compile(List<String> patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : patterns) {
            compiled.add(Pattern.compile(pattern));
        }
        return compiled;
    }
}
