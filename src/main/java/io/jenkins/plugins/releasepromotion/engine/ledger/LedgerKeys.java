package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that authenticate ledger records (HMAC-SHA256, {@link RecordMac}): handed to a ledger by whoever opens it
 * (the command from its key file, Jenkins from a credential), never read from a record. The first key signs what is
 * written; every key verifies, so that a key can be replaced without losing what the old one signed. A key is known by
 * its id, derived from the key itself; nothing here ever shows a key, only ids.
 */
public final class LedgerKeys {
    /** No key: records are written without a MAC and read as they are. */
    public static final LedgerKeys NONE = new LedgerKeys(List.of());

    /** The fewest characters a key may have: as many as 32 random bytes in base64 ({@code openssl rand -base64 32}). */
    public static final int MIN_CHARS = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] ID_LABEL = "release-promotion ledger key id".getBytes(StandardCharsets.US_ASCII);

    private final List<Key> keys;

    private LedgerKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The keys in {@code text}: separated by white space, the first one signing.
     *
     * @param source what holds them, as an error message names it (never the text itself)
     * @throws IllegalArgumentException naming the source and the rule when a key is too short or there is none
     */
    public static LedgerKeys parse(String source, String text) {
        List<Key> keys = new ArrayList<>();
        int position = 0;
        for (String word : Objects.requireNonNull(text, "text").strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            position++;
            if (word.length() < MIN_CHARS) {
                throw new IllegalArgumentException("The ledger key number " + position + " in " + source + " has "
                        + word.length() + " characters, fewer than " + MIN_CHARS + "; write a key made with"
                        + " 'openssl rand -base64 32' instead.");
            }
            Key key = new Key(word.getBytes(StandardCharsets.UTF_8));
            if (keys.stream().noneMatch(k -> k.id.equals(key.id))) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(
                    source + " holds no ledger key; write one made with 'openssl rand -base64 32' into it.");
        }
        return new LedgerKeys(keys);
    }

    /** True when records are signed and checked. */
    public boolean present() {
        return !keys.isEmpty();
    }

    /** The ids of the keys, the signing one first. */
    public List<String> ids() {
        return keys.stream().map(k -> k.id).toList();
    }

    /** The id of the key that signs, or {@code null} when there is none. */
    String signingId() {
        return keys.isEmpty() ? null : keys.get(0).id;
    }

    /** The MAC of {@code data} under the signing key. */
    byte[] sign(byte[] data, int length) {
        return keys.get(0).mac(data, length);
    }

    /** True when {@code mac} is the MAC of {@code data} under the key {@code id}; false for a key not configured. */
    boolean verify(String id, byte[] data, int length, byte[] mac) {
        for (Key key : keys) {
            if (key.id.equals(id)) {
                return MessageDigest.isEqual(key.mac(data, length), mac);
            }
        }
        return false;
    }

    /** True when the key {@code id} is one of these. */
    boolean knows(String id) {
        return keys.stream().anyMatch(k -> k.id.equals(id));
    }

    /** Only the ids, never a key. */
    @Override
    public String toString() {
        return "LedgerKeys" + ids();
    }

    /** One key. Its bytes stay inside the key spec; its id is a MAC of a fixed label, which says nothing of it. */
    private static final class Key {
        private final SecretKeySpec spec;
        private final String id;

        Key(byte[] secret) {
            this.spec = new SecretKeySpec(secret, ALGORITHM);
            this.id = HexFormat.of().formatHex(mac(ID_LABEL, ID_LABEL.length), 0, RecordMac.KEY_ID_BYTES);
        }

        byte[] mac(byte[] data, int length) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                mac.update(data, 0, length);
                return mac.doFinal();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is missing from this Java", e);
            }
        }

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }
}
