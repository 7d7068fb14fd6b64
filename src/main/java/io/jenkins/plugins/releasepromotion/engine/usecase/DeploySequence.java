package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.MaintenanceConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.util.List;
import java.util.Optional;

/**
 * The mission's deploy, in order: the backup when migrations changed, maintenance mode on, the deploy command,
 * maintenance mode off again whatever happened. Returns the reason it failed, if it did.
 */
final class DeploySequence {
    private final DeployMethod method;
    private final LogSink log;

    DeploySequence(DeployMethod method, LogSink log) {
        this.method = method;
        this.log = log;
    }

    Optional<String> run(DeployTarget target, boolean backupRequired) {
        EnvironmentConfig env = target.environment();
        if (backupRequired) {
            log.line("Backup before the deploy: migrations changed.");
            Optional<String> failed =
                    step("the backup", method.command(env.backup().command(), target));
            if (failed.isPresent()) {
                return failed.map(f -> f + "; nothing was deployed");
            }
        }
        MaintenanceConfig maintenance = env.maintenance();
        boolean maintenanceMode = maintenance != null && !maintenance.enable().isEmpty();
        if (maintenanceMode) {
            Optional<String> failed =
                    step("switching maintenance mode on", method.command(maintenance.enable(), target));
            if (failed.isPresent()) {
                return failed.map(f -> f + "; nothing was deployed");
            }
        }
        try {
            log.line("Deploying " + target.tag() + " to " + where(target) + ".");
            return step("the deploy of " + target.tag(), method.deployCommand(target));
        } finally {
            if (maintenanceMode) {
                switchOff(maintenance.disable(), target);
            }
        }
    }

    private void switchOff(List<String> disable, DeployTarget target) {
        try {
            step("switching maintenance mode off", method.command(disable, target))
                    .ifPresent(f -> log.line("WARNING: " + f + "; switch it off by hand."));
        } catch (RuntimeException e) {
            log.line("WARNING: switching maintenance mode off failed: " + e.getMessage() + "; switch it off by hand.");
        }
    }

    private Optional<String> step(String what, Command command) {
        CommandResult result = method.runner().run(command, log);
        if (result.timedOut()) {
            return Optional.of(
                    what + " ran past its timeout of " + command.timeout().toSeconds() + " s and was stopped");
        }
        if (result.exitCode() != 0) {
            return Optional.of(what + " failed with exit status " + result.exitCode());
        }
        return Optional.empty();
    }

    static String where(DeployTarget target) {
        String env = target.environment().name();
        return target.slot() == null ? env : env + " slot " + target.slot();
    }
}
