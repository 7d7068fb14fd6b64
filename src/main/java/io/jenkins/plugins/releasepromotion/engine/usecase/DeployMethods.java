package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;

/** Opens the deploy method of an environment; the caller knows the workspace and the credentials. */
@FunctionalInterface
public interface DeployMethods {
    DeployMethod open(EnvironmentConfig environment);
}
