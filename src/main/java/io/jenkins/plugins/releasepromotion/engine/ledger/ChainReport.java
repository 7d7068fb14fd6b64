package io.jenkins.plugins.releasepromotion.engine.ledger;

/**
 * What checking the chain of one environment found.
 *
 * @param records how many records were checked
 * @param beforeChain how many of them, at the start, were written before the chain began (they carry no link)
 * @param broken the first break, or {@code null} when the chain holds
 */
public record ChainReport(String environment, long records, long beforeChain, ChainBreak broken) {
    public boolean intact() {
        return broken == null;
    }
}
