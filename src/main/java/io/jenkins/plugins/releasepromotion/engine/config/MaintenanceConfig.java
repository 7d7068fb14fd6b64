package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.List;

/** Commands (argv lists) that switch maintenance mode on before a deploy and off after it, whatever happened. */
public record MaintenanceConfig(List<String> enable, List<String> disable) {

    public MaintenanceConfig {
        enable = enable == null ? List.of() : List.copyOf(enable);
        disable = disable == null ? List.of() : List.copyOf(disable);
    }
}
