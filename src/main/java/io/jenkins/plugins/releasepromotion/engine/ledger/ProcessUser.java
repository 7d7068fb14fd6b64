package io.jenkins.plugins.releasepromotion.engine.ledger;

/** The numeric user this process runs as, for comparing with the owner of the ledger's files. */
final class ProcessUser {
    private static final long UID = find();

    private ProcessUser() {}

    /** The user ID, or -1 where there is none to compare with (not a Unix-like system). */
    static long uid() {
        return UID;
    }

    private static long find() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (LinkageError | RuntimeException e) {
            return -1;
        }
    }
}
