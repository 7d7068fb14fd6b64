package io.jenkins.plugins.releasepromotion.engine.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Stock OpenSSH {@code ssh-keygen}, run as a process: keys made and statements signed as an approver would. */
public final class SshKeygen {
    private final Path dir;

    public SshKeygen(Path dir) {
        this.dir = dir;
    }

    /**
     * A new key pair without a passphrase, e.g. {@code key("alice", "ed25519")} or {@code key("bob", "ecdsa", "-b",
     * "384")}.
     *
     * @return the private key file; the public key is beside it with {@code .pub}
     */
    public Path key(String name, String type, String... more) throws IOException, InterruptedException {
        Path key = dir.resolve(name + "-" + type + String.join("", more));
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name));
        argv.addAll(List.of(more));
        argv.addAll(List.of("-f", key.toString()));
        run(argv);
        return key;
    }

    /** The {@code allowed_signers} line for {@code key}: {@code principals [options] type base64}. */
    public static String signer(String principals, String options, Path key) throws IOException {
        String[] pub = Files.readString(Path.of(key + ".pub"), StandardCharsets.US_ASCII)
                .strip()
                .split(" ");
        return principals + (options == null ? "" : " " + options) + " " + pub[0] + " " + pub[1];
    }

    /** Signs {@code file} as {@code ssh-keygen -Y sign -n NAMESPACE -f KEY FILE} does, writing {@code FILE.sig}. */
    public Path sign(Path key, String namespace, Path file) throws IOException, InterruptedException {
        Files.deleteIfExists(Path.of(file + ".sig"));
        run(List.of("ssh-keygen", "-Y", "sign", "-n", namespace, "-f", key.toString(), file.toString()));
        return Path.of(file + ".sig");
    }

    private void run(List<String> argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + output);
        }
    }
}
