package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One deployment target.
 *
 * @param slots number of slots {@code 1..slots}; 0 means the environment has no slots
 * @param url base URL of the deployed application; may contain {@code {slot}}
 * @param caFile optional PEM file of the certificate authority the URL's TLS certificate chains to
 * @param bake the health watch after a deploy; {@code null} for none
 */
public record EnvironmentConfig(
        String name,
        EnvironmentKind kind,
        int slots,
        String url,
        String caFile,
        DeployConfig deploy,
        List<CheckConfig> checks,
        GatesConfig gates,
        BackupConfig backup,
        MaintenanceConfig maintenance,
        BakeConfig bake) {

    public EnvironmentConfig {
        kind = kind == null ? EnvironmentKind.OTHER : kind;
        checks = checks == null ? List.of() : List.copyOf(checks);
        gates = gates == null ? GatesConfig.NONE : gates;
    }

    /** An environment without a bake window. */
    public EnvironmentConfig(
            String name,
            EnvironmentKind kind,
            int slots,
            String url,
            String caFile,
            DeployConfig deploy,
            List<CheckConfig> checks,
            GatesConfig gates,
            BackupConfig backup,
            MaintenanceConfig maintenance) {
        this(name, kind, slots, url, caFile, deploy, checks, gates, backup, maintenance, null);
    }

    public boolean hasSlots() {
        return slots > 0;
    }

    /** Its places, in order: the slots 1 to N, or a single {@code null} for an environment without slots. */
    public List<Integer> places() {
        List<Integer> places = new ArrayList<>();
        if (!hasSlots()) {
            places.add(null);
        }
        for (int slot = 1; slot <= slots; slot++) {
            places.add(slot);
        }
        return places;
    }

    /** The URL of a slot ({@code {slot}} replaced), or the plain URL for an environment without slots. */
    public String urlFor(Integer slot) {
        if (url == null) {
            return null;
        }
        return slot == null ? url : url.replace("{slot}", Integer.toString(slot));
    }
}
