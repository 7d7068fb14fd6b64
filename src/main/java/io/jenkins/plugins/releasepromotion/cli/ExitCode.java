package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;

/** The command's exit codes: distinct per way an operation can end, documented in docs/cli.md. */
public final class ExitCode {
    public static final int SUCCESS = 0;
    public static final int UNEXPECTED = 1;
    public static final int USAGE_OR_CONFIGURATION = 2;
    public static final int GATE_REFUSED = 3;
    public static final int DEPLOY_FAILED = 4;
    public static final int VERIFICATION_FAILED = 5;
    public static final int ROLLED_BACK = 6;
    public static final int REJECTED = 7;
    /** {@code ledger verify} found a record changed, removed, inserted or reordered. */
    public static final int LEDGER_BROKEN = 8;

    private ExitCode() {}

    public static int of(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> SUCCESS;
            case GATE_FAILED -> GATE_REFUSED;
            case DEPLOY_FAILED -> DEPLOY_FAILED;
            case VERIFY_FAILED -> VERIFICATION_FAILED;
            case ROLLED_BACK -> ROLLED_BACK;
            case REJECTED, EXPIRED, SUPERSEDED -> REJECTED;
        };
    }
}
