package io.jenkins.plugins.releasepromotion.engine.config;

/** How a tag gets onto an environment: exactly one of {@code script} and {@code ssh}. */
public record DeployConfig(ScriptDeployConfig script, SshDeployConfig ssh) {}
