package io.jenkins.plugins.releasepromotion.engine.config;

/** What an environment is for. Production environments get the strictest defaults. */
public enum EnvironmentKind {
    STAGING,
    PRODUCTION,
    OTHER
}
