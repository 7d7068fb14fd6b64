package io.jenkins.plugins.releasepromotion.engine.usecase;

import java.util.List;
import java.util.Objects;

/**
 * Verifying several slots of one environment at once.
 *
 * @param slots the slots to verify; empty means every slot of the environment
 * @param tag what should run on each of them; {@code null} means what the ledger says runs on each
 * @param parallelism how many slots are verified at the same time; 0 means {@link #DEFAULT_PARALLELISM}
 */
public record FanOutRequest(
        String environment, List<Integer> slots, String tag, String actor, String buildUrl, int parallelism) {
    /** Enough for every slot of a large staging pool at once; each slot waits on the network, not on a core. */
    public static final int DEFAULT_PARALLELISM = 50;

    public FanOutRequest {
        Objects.requireNonNull(environment, "environment");
        slots = slots == null ? List.of() : List.copyOf(slots);
        tag = tag == null || tag.isBlank() ? null : tag;
        if (parallelism < 0) {
            throw new IllegalArgumentException("A parallelism of " + parallelism
                    + " cannot verify anything; give 1 or more, or leave it out for " + DEFAULT_PARALLELISM + ".");
        }
        parallelism = parallelism == 0 ? DEFAULT_PARALLELISM : parallelism;
    }

    /** Every slot of the environment, at the default parallelism. */
    public static FanOutRequest allSlots(String environment, String tag, String actor, String buildUrl) {
        return new FanOutRequest(environment, List.of(), tag, actor, buildUrl, 0);
    }
}
