package io.jenkins.plugins.releasepromotion.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the YAML tree into the configuration records. The YAML names are the record component names; a value that
 * cannot be read is reported and left out, so its record default applies and the rules can still run.
 */
final class ConfigBinder {

    private ConfigBinder() {}

    static ReleaseConfig bind(JsonNode root, Problems problems) {
        return MappingReader.bind(root, "", problems, ConfigBinder::release);
    }

    private static ReleaseConfig release(MappingReader r) {
        return new ReleaseConfig(
                r.text("tagPattern"),
                r.text("mainBranch"),
                r.text("changelog"),
                r.mappings("environments", ConfigBinder::environment),
                r.mapping("ledger", ConfigBinder::ledger));
    }

    private static LedgerConfig ledger(MappingReader r) {
        return new LedgerConfig(r.text("url"), r.text("credentialsId"));
    }

    private static EnvironmentConfig environment(MappingReader r) {
        return new EnvironmentConfig(
                r.text("name"),
                r.choice("kind", EnvironmentKind.class),
                r.number("slots", 0, EnvironmentRules.MAX_SLOTS),
                r.text("url"),
                r.text("caFile"),
                r.mapping("deploy", ConfigBinder::deploy),
                r.mappings("checks", CheckBinder::check),
                r.mapping("gates", GatesBinder::gates),
                r.mapping("backup", ConfigBinder::backup),
                r.mapping("maintenance", ConfigBinder::maintenance),
                r.mapping("bake", ConfigBinder::bake));
    }

    private static DeployConfig deploy(MappingReader r) {
        return new DeployConfig(r.mapping("script", ConfigBinder::script), r.mapping("ssh", ConfigBinder::ssh));
    }

    private static ScriptDeployConfig script(MappingReader r) {
        return new ScriptDeployConfig(
                r.argv("command"), r.text("workingDirectory"), r.duration("timeout"), r.texts("passEnvironment"));
    }

    private static SshDeployConfig ssh(MappingReader r) {
        return new SshDeployConfig(
                r.text("host"),
                r.number("port", 1, 65535),
                r.text("user"),
                r.text("credentialsId"),
                r.text("knownHosts"),
                r.text("hostKey"),
                r.text("directory"),
                r.texts("composeFiles"),
                r.text("command"),
                r.duration("connectTimeout"),
                r.duration("commandTimeout"));
    }

    private static BackupConfig backup(MappingReader r) {
        return new BackupConfig(r.text("migrationsPath"), r.argv("command"));
    }

    private static BakeConfig bake(MappingReader r) {
        return new BakeConfig(r.duration("duration"), r.duration("interval"));
    }

    private static MaintenanceConfig maintenance(MappingReader r) {
        return new MaintenanceConfig(r.argv("enable"), r.argv("disable"));
    }
}
