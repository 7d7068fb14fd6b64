package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;

/** Environments for deploy targets: only the name matters to a deploy method. */
final class Environments {

    private Environments() {}

    static EnvironmentConfig named(String name) {
        return new EnvironmentConfig(name, EnvironmentKind.STAGING, 2, null, null, null, null, null, null, null);
    }
}
