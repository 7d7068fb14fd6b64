package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit keys of the ledger's advisory locks: the first 8 bytes of a SHA-256 of a name that no other user of the
 * database would choose. A deployment lock and an environment's append lock never share a key.
 */
final class LockKeys {
    private LockKeys() {}

    /** The lock one deployment holds on an environment and slot ({@code 0} for none) for as long as it runs. */
    static long deployment(String environment, int slot) {
        return key("release-promotion deployment " + environment + "@" + slot);
    }

    /** The lock an append holds for its transaction, so records of one environment commit in the order numbered. */
    static long append(String environment) {
        return key("release-promotion append " + environment);
    }

    private static long key(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
