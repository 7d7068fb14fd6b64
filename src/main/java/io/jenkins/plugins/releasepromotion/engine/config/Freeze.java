package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.Instant;

/** A period, {@code from} inclusive to {@code to} exclusive, when deploys to the environment are refused. */
public record Freeze(Instant from, Instant to, String reason) {}
