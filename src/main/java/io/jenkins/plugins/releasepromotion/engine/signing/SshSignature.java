package io.jenkins.plugins.releasepromotion.engine.signing;

import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.SshSecurity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A signature as {@code ssh-keygen -Y sign} writes it: the SSHSIG envelope of OpenSSH's {@code PROTOCOL.sshsig}
 * (magic {@code SSHSIG}, version 1, the public key, the namespace, a reserved field, the hash algorithm and the
 * signature), armored between {@code BEGIN/END SSH SIGNATURE} lines. The signature covers the signed-data blob of
 * the namespace and the message's hash, so one made for another namespace never verifies for this one. Apache MINA
 * SSHD decodes the key and checks the signature itself; it has no SSHSIG reader, so the envelope is read here.
 *
 * @param key the key that signed, as the envelope names it
 * @param namespace what the signer said the signature is for, e.g. {@code release-promotion}
 * @param hashAlgorithm {@code sha512} or {@code sha256}
 */
public record SshSignature(PublicKey key, String namespace, String hashAlgorithm, byte[] signature) {
    static {
        SshSecurity.configure();
    }

    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    private static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    private static final String END = "-----END SSH SIGNATURE-----";
    private static final Map<String, BuiltinSignatures> ALGORITHMS = Map.of(
            "ssh-ed25519", BuiltinSignatures.ed25519,
            "ecdsa-sha2-nistp256", BuiltinSignatures.nistp256,
            "ecdsa-sha2-nistp384", BuiltinSignatures.nistp384,
            "ecdsa-sha2-nistp521", BuiltinSignatures.nistp521,
            "rsa-sha2-256", BuiltinSignatures.rsaSHA256,
            "rsa-sha2-512", BuiltinSignatures.rsaSHA512);

    public SshSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * Reads an armored signature.
     *
     * @throws IllegalArgumentException saying what is wrong with it, as the end of a sentence
     */
    public static SshSignature parse(String armored) {
        String text = armored.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException("is not an SSH signature (no " + BEGIN + " … " + END + " block)");
        }
        byte[] blob;
        try {
            blob = Base64.getMimeDecoder()
                    .decode(text.substring(BEGIN.length(), text.length() - END.length())
                            .strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not an SSH signature (its base64 does not decode)");
        }
        try {
            Buffer buffer = new ByteArrayBuffer(blob);
            byte[] magic = new byte[MAGIC.length];
            buffer.getRawBytes(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("is not an SSHSIG signature (wrong magic)");
            }
            long version = buffer.getUInt();
            if (version != 1) {
                throw new IllegalArgumentException("is an SSHSIG signature of version " + version + ", not 1");
            }
            PublicKey key = new ByteArrayBuffer(buffer.getBytes()).getRawPublicKey();
            String namespace = buffer.getString();
            if (!buffer.getString().isEmpty()) {
                throw new IllegalArgumentException(
                        "has a reserved field that is not empty, which SSHSIG version 1" + " does not define");
            }
            String hash = buffer.getString();
            byte[] signature = buffer.getBytes();
            if (buffer.available() != 0) {
                throw new IllegalArgumentException("has " + buffer.available() + " bytes after the signature");
            }
            return new SshSignature(key, namespace, hash, signature);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "is not a readable SSHSIG signature (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The key's fingerprint, e.g. {@code SHA256:…}. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(key);
    }

    /**
     * Whether this signature, made in {@link #namespace()}, covers {@code message} and was made by {@link #key()}.
     * Only ed25519, ECDSA (nistp256/384/521) and RSA with SHA-2 signatures count; anything else is false.
     */
    public boolean verifies(byte[] message) {
        try {
            Buffer encoded = new ByteArrayBuffer(signature);
            String algorithm = encoded.getString();
            BuiltinSignatures factory = ALGORITHMS.get(algorithm);
            String keyType = KeyUtils.getKeyType(key);
            boolean matchesKey =
                    algorithm.equals(keyType) || algorithm.startsWith("rsa-sha2-") && "ssh-rsa".equals(keyType);
            if (factory == null || !factory.isSupported() || !matchesKey) {
                return false;
            }
            Signature verifier = factory.create();
            verifier.initVerifier(null, key);
            verifier.update(null, signedData(message));
            return verifier.verify(null, signature);
        } catch (RuntimeException e) {
            // A signature blob that does not decode (MINA's buffer refuses it) is simply not a valid signature.
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private byte[] signedData(byte[] message) throws NoSuchAlgorithmException {
        String digest =
                switch (hashAlgorithm) {
                    case "sha512" -> "SHA-512";
                    case "sha256" -> "SHA-256";
                    default -> throw new NoSuchAlgorithmException(hashAlgorithm);
                };
        ByteArrayBuffer data = new ByteArrayBuffer();
        data.putRawBytes(MAGIC);
        data.putString(namespace);
        data.putString("");
        data.putString(hashAlgorithm);
        data.putBytes(MessageDigest.getInstance(digest).digest(message));
        return data.getCompactData();
    }
}
