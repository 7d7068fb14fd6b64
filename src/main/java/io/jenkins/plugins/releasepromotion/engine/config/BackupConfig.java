package io.jenkins.plugins.releasepromotion.engine.config;

import java.util.List;

/**
 * The backup taken before a deploy that changes files under {@code migrationsPath} (e.g. {@code migrations/}).
 * {@code command} is an argv list, run where the deploy runs.
 */
public record BackupConfig(String migrationsPath, List<String> command) {

    public BackupConfig {
        command = command == null ? List.of() : List.copyOf(command);
    }
}
