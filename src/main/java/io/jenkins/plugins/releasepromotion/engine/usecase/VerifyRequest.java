package io.jenkins.plugins.releasepromotion.engine.usecase;

import java.util.Objects;

/** @param tag what should run there; {@code null} means what the ledger says runs there */
public record VerifyRequest(String environment, Integer slot, String tag, String actor, String buildUrl) {

    public VerifyRequest {
        Objects.requireNonNull(environment, "environment");
        tag = tag == null || tag.isBlank() ? null : tag;
    }
}
