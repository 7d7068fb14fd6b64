package io.jenkins.plugins.releasepromotion.engine.signing;

import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.SshSecurity;
import io.jenkins.plugins.releasepromotion.engine.gate.Approval;
import io.jenkins.plugins.releasepromotion.engine.gate.GateViolation;
import io.jenkins.plugins.releasepromotion.engine.gate.ViolationCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Turns signed statements into approvals: each statement must be signed in the {@code release-promotion} namespace by
 * a key the approvers' {@code allowed_signers} file lists, name exactly the tag, commit, environment and slot being
 * promoted, and not have expired; each approver counts once. Every statement that fails is refused with one line
 * naming the file and why.
 */
public final class SignedApprovals {
    static {
        SshSecurity.configure();
    }

    /** The namespace approvals are signed in: {@code ssh-keygen -Y sign -n release-promotion}. */
    public static final String NAMESPACE = "release-promotion";

    private final AllowedSigners signers;
    private final Instant now;

    public SignedApprovals(AllowedSigners signers, Instant now) {
        this.signers = signers;
        this.now = now;
    }

    /**
     * What the statements prove.
     *
     * @param approvals the approvals that count, one per approver, in the order given
     * @param refusals one per statement that does not count
     */
    public record Result(List<Approval> approvals, List<GateViolation> refusals) {
        public Result {
            approvals = List.copyOf(approvals);
            refusals = List.copyOf(refusals);
        }
    }

    /** @param expected the tag, commit, environment and slot being promoted (its {@code notAfter} is not read) */
    public Result verify(List<Path> files, ApprovalStatement expected) {
        List<Approval> approvals = new ArrayList<>();
        List<GateViolation> refusals = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path path : files) {
            try {
                SignedFile file = read(path);
                Approval approval = verify(file, expected);
                for (String principal : approval.identities()) {
                    Path earlier = seen.get(principal);
                    if (earlier != null) {
                        throw refusal(
                                ViolationCode.DUPLICATE_APPROVER,
                                file.path() + " is signed by " + principal + ", who also signed " + earlier
                                        + "; each approver counts once, ask another one.");
                    }
                }
                approval.identities().forEach(principal -> seen.put(principal, file.path()));
                approvals.add(approval);
            } catch (Refusal e) {
                refusals.add(e.violation);
            }
        }
        return new Result(approvals, refusals);
    }

    private Approval verify(SignedFile file, ApprovalStatement expected) throws Refusal {
        Path path = file.path();
        ApprovalStatement statement = file.statement();
        SshSignature signature = file.signature();
        if (!NAMESPACE.equals(signature.namespace())) {
            throw refusal(
                    ViolationCode.APPROVAL_NOT_PROVEN,
                    path + ".sig was made for the namespace '"
                            + signature.namespace() + "', not " + NAMESPACE + "; sign it with ssh-keygen -Y sign -n "
                            + NAMESPACE + ".");
        }
        if (!signature.verifies(file.text())) {
            throw refusal(
                    ViolationCode.APPROVAL_NOT_PROVEN,
                    path + ".sig is not a valid signature of " + path
                            + " (a bad signature, or the statement changed after it was signed); sign the statement again.");
        }
        String key = KeyUtils.getKeyType(signature.key()) + " key " + signature.fingerprint();
        List<SignerLine> lines = signers.linesFor(signature.key(), NAMESPACE, now);
        if (lines.isEmpty()) {
            throw refusal(
                    ViolationCode.APPROVAL_NOT_PROVEN,
                    path + ".sig is signed by " + key + ", which "
                            + (signers.linesFor(signature.key()).isEmpty()
                                    ? "the approvers' keys do not list"
                                    : "the approvers' keys do not list for " + NAMESPACE + " at " + now)
                            + " (" + signers + "); add the approver's key there, or ask a listed approver.");
        }
        mismatch(path, statement, expected);
        if (now.isAfter(statement.notAfter())) {
            throw refusal(
                    ViolationCode.APPROVAL_EXPIRED,
                    path + " expired at " + statement.notAfter()
                            + "; request and sign a new approval (release-promotion approval request).");
        }
        Set<String> principals = new LinkedHashSet<>();
        lines.forEach(line -> principals.addAll(line.principals()));
        String approver = principals.iterator().next();
        return new Approval(approver, principals, key);
    }

    private static void mismatch(Path path, ApprovalStatement got, ApprovalStatement expected) throws Refusal {
        String what = null;
        if (!got.tag().equals(expected.tag())) {
            what = "approves " + got.tag() + ", not " + expected.tag();
        } else if (!got.commit().equals(expected.commit())) {
            what = "approves " + got.tag() + " at commit " + got.commit() + ", but " + expected.tag()
                    + " now points to " + expected.commit() + " (the tag moved after it was signed)";
        } else if (!got.environment().equals(expected.environment())) {
            what = "approves a promotion to " + got.environment() + ", not " + expected.environment();
        } else if (!Objects.equals(got.slot(), expected.slot())) {
            what = "approves " + got.where() + ", not " + expected.where();
        }
        if (what != null) {
            throw refusal(
                    ViolationCode.APPROVAL_MISMATCH,
                    path + " " + what
                            + "; request and sign an approval for this promotion (release-promotion approval request).");
        }
    }

    private static SignedFile read(Path path) throws Refusal {
        try {
            return SignedFile.read(path);
        } catch (IllegalArgumentException e) {
            throw refusal(ViolationCode.APPROVAL_NOT_PROVEN, e.getMessage());
        }
    }

    private static Refusal refusal(ViolationCode code, String message) {
        return new Refusal(new GateViolation(code, message));
    }

    /** A statement that does not count; caught within this class. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient GateViolation violation;

        Refusal(GateViolation violation) {
            super(violation.message(), null, false, false);
            this.violation = violation;
        }
    }
}
