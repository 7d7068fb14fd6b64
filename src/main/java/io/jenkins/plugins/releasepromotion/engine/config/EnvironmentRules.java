package io.jenkins.plugins.releasepromotion.engine.config;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The rules of one environment: its name, slots and URL, then its deploy method, checks and gates. */
final class EnvironmentRules {
    static final int MAX_SLOTS = 100;
    /** Names end up in file names, lock keys and log lines, so they stay plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

    private static final Set<CheckType> HTTP_CHECKS = EnumSet.of(CheckType.VERSION, CheckType.HEALTH, CheckType.FLOWS);

    private EnvironmentRules() {}

    static void check(EnvironmentConfig environment, String path, Set<String> names, Problems problems) {
        name(environment.name(), Problems.child(path, "name"), problems);
        url(environment, path, problems);
        DeployRules.deploy(environment.deploy(), Problems.child(path, "deploy"), problems);
        CheckRules.checks(environment, path, problems);
        GateRules.gates(environment, Problems.child(path, "gates"), names, problems);
        DeployRules.backup(environment.backup(), Problems.child(path, "backup"), problems);
        DeployRules.maintenance(environment.maintenance(), Problems.child(path, "maintenance"), problems);
        DeployRules.scriptCommands(environment, path, problems);
        bake(environment, Problems.child(path, "bake"), problems);
    }

    private static void bake(EnvironmentConfig environment, String path, Problems problems) {
        BakeConfig bake = environment.bake();
        if (bake == null) {
            return;
        }
        if (bake.duration().isZero() || bake.duration().isNegative()) {
            problems.add(Problems.child(path, "duration"), "required; how long to watch health, e.g. 10m");
        }
        if (bake.interval().isZero()
                || bake.interval().isNegative()
                || bake.interval().compareTo(bake.duration()) > 0) {
            problems.add(Problems.child(path, "interval"), "must be positive and no longer than the duration");
        }
        if (environment.url() == null) {
            problems.add(path, "needs the environment's url; the bake window watches its health endpoint");
        }
    }

    private static void name(String name, String path, Problems problems) {
        if (name == null || name.isBlank()) {
            problems.add(path, "required; name the environment, e.g. staging or production");
        } else if (!NAME.matcher(name).matches()) {
            problems.add(
                    path,
                    "'" + DisplayText.of(name) + "' is not a safe name; use up to 64 letters, digits, '.', '_' and"
                            + " '-', not starting with '.' or '-'");
        }
    }

    private static void url(EnvironmentConfig environment, String path, Problems problems) {
        String at = Problems.child(path, "url");
        if (environment.url() == null) {
            String needs = environment.checks().stream()
                    .filter(EnvironmentRules::needsUrl)
                    .map(CheckConfig::name)
                    .distinct()
                    .collect(Collectors.joining(", "));
            if (!needs.isEmpty()) {
                problems.add(at, "required by these checks: " + needs + "; give the application's base URL");
            }
            return;
        }
        UrlRule.check(environment.url(), environment.slots(), at, problems);
        if (environment.slots() > 1 && !environment.url().contains(UrlRule.SLOT)) {
            problems.add(
                    at,
                    "has no {slot} placeholder but the environment has " + environment.slots()
                            + " slots; write it like https://staging-{slot}.example.com");
        }
    }

    /** Checks that talk to the application over its URL; migrations do when they read an endpoint. */
    private static boolean needsUrl(CheckConfig check) {
        return HTTP_CHECKS.contains(check.type())
                || (check.type() == CheckType.MIGRATIONS && check.command().isEmpty());
    }
}
