package io.jenkins.plugins.releasepromotion.engine.ledger;

/** The right to deploy to one environment and slot. Closing it lets the next deployment in; closing twice is fine. */
public interface DeploymentLock extends AutoCloseable {

    String environment();

    /** The slot, or {@code null} for an environment without slots. */
    Integer slot();

    String holder();

    @Override
    void close();
}
