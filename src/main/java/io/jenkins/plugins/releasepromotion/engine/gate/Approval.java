package io.jenkins.plugins.releasepromotion.engine.gate;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One approval as its face proved it.
 *
 * @param approver who approved: a user ID or the principal of the key that signed
 * @param identities what is matched against the configured approvers: the approver's name and the groups the face
 *     resolved for it (the approver's name is always among them)
 * @param proof how it was proven, readable and free of secrets, e.g. {@code input "Release approval" on build #12} or
 *     {@code ssh-ed25519 key SHA256:…}; recorded in the ledger
 */
public record Approval(String approver, Set<String> identities, String proof) {

    public Approval {
        if (approver == null || approver.isBlank()) {
            throw new IllegalArgumentException("An approval names its approver; pass a non-blank name.");
        }
        Objects.requireNonNull(proof, "proof");
        Set<String> all = new LinkedHashSet<>();
        all.add(approver);
        if (identities != null) {
            all.addAll(identities);
        }
        identities = Set.copyOf(all);
    }

    /** An approval whose only identity is the approver's name, e.g. a name given on the command line. */
    public static Approval named(String approver, String proof) {
        return new Approval(approver, Set.of(), proof);
    }
}
