package io.jenkins.plugins.releasepromotion.engine.ledger;

/**
 * What checking the chain of one environment found.
 *
 * @param records how many records were checked
 * @param beforeChain how many of them, at the start, were written before the chain began (they carry no link)
 * @param broken the first break, or {@code null} when the chain holds
 * @param unauthenticated where a ledger key is configured, how many of the records checked carry no valid MAC
 * @param firstUnauthenticated the first of them, or {@code null}
 */
public record ChainReport(
        String environment,
        long records,
        long beforeChain,
        ChainBreak broken,
        long unauthenticated,
        ChainBreak firstUnauthenticated) {

    /** A report where no key is configured. */
    public ChainReport(String environment, long records, long beforeChain, ChainBreak broken) {
        this(environment, records, beforeChain, broken, 0, null);
    }

    public boolean intact() {
        return broken == null;
    }

    /** True when no record checked lacks a valid MAC (always, where no key is configured). */
    public boolean authentic() {
        return unauthenticated == 0;
    }
}
