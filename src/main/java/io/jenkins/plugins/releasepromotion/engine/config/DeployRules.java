package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.List;
import java.util.regex.Pattern;

/** The rules of the deploy method and of the commands around a deploy (backup, maintenance mode). */
final class DeployRules {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DeployRules() {}

    static void deploy(DeployConfig deploy, String path, Problems problems) {
        if (deploy == null || (deploy.script() == null && deploy.ssh() == null)) {
            problems.add(path, "required; give exactly one of script or ssh");
            return;
        }
        if (deploy.script() != null && deploy.ssh() != null) {
            problems.add(path, "give exactly one of script or ssh, not both");
        }
        if (deploy.script() != null) {
            argv(deploy.script().command(), Problems.child(path, "script.command"), problems, "required");
            placeholders(deploy.script().command(), Problems.child(path, "script.command"), problems);
            passEnvironment(
                    deploy.script().passEnvironment(), Problems.child(path, "script.passEnvironment"), problems);
        }
        if (deploy.ssh() != null) {
            SshRules.ssh(deploy.ssh(), Problems.child(path, "ssh"), problems);
        }
    }

    /**
     * The commands a script deploy runs around the deploy itself (backup, maintenance mode) take the same
     * placeholders as its command; over SSH they are filled in by the remote template's rules.
     */
    static void scriptCommands(EnvironmentConfig environment, String path, Problems problems) {
        if (environment.deploy() == null || environment.deploy().script() == null) {
            return;
        }
        if (environment.backup() != null) {
            placeholders(environment.backup().command(), Problems.child(path, "backup.command"), problems);
        }
        if (environment.maintenance() != null) {
            placeholders(environment.maintenance().enable(), Problems.child(path, "maintenance.enable"), problems);
            placeholders(environment.maintenance().disable(), Problems.child(path, "maintenance.disable"), problems);
        }
    }

    /** A passed variable is a plain name, and never one of the command's credential variables. */
    private static void passEnvironment(List<String> names, String path, Problems problems) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!VARIABLE_NAME.matcher(name).matches()) {
                problems.add(
                        Problems.index(path, i),
                        "'" + name + "' is not a variable name; give names of letters, digits and _, e.g. DOCKER_HOST");
            } else if (ChildEnvironment.isCredential(name)) {
                problems.add(
                        Problems.index(path, i),
                        name + " is a credential variable of the command and never reaches a command; remove it, and"
                                + " give the command what it needs under another name");
            }
        }
    }

    private static void placeholders(List<String> command, String path, Problems problems) {
        String unknown = ArgvPlaceholders.unknown(command);
        if (unknown != null) {
            problems.add(path, unknown);
        }
    }

    static void backup(BackupConfig backup, String path, Problems problems) {
        if (backup == null) {
            return;
        }
        if (backup.migrationsPath() != null && backup.command().isEmpty()) {
            problems.add(
                    Problems.child(path, "command"),
                    "required when migrationsPath is set; the backup must run before new migrations do");
        }
        if (backup.migrationsPath() == null && !backup.command().isEmpty()) {
            problems.add(
                    Problems.child(path, "migrationsPath"),
                    "required when command is set; the backup runs when files under it change, e.g. migrations/");
        }
        argv(backup.command(), Problems.child(path, "command"), problems, null);
    }

    static void maintenance(MaintenanceConfig maintenance, String path, Problems problems) {
        if (maintenance == null) {
            return;
        }
        if (maintenance.enable().isEmpty() != maintenance.disable().isEmpty()) {
            String missing = maintenance.enable().isEmpty() ? "enable" : "disable";
            problems.add(
                    Problems.child(path, missing),
                    "required; maintenance mode needs both a command to switch it on and one to switch it off");
        }
        argv(maintenance.enable(), Problems.child(path, "enable"), problems, null);
        argv(maintenance.disable(), Problems.child(path, "disable"), problems, null);
    }

    /**
     * An argv list: when {@code whenEmpty} is set, an empty list is refused with it; the program (first argument)
     * must not be blank.
     */
    static void argv(List<String> command, String path, Problems problems, String whenEmpty) {
        if (command.isEmpty() && whenEmpty != null) {
            problems.add(
                    path,
                    whenEmpty + "; give the command as a list of arguments, e.g. [./scripts/deploy-staging.sh,"
                            + " '{slot}', '{tag}']");
        } else if (!command.isEmpty() && command.get(0).isBlank()) {
            problems.add(Problems.index(path, 0), "the program to run is blank; name it, e.g. ./scripts/deploy.sh");
        }
    }
}
