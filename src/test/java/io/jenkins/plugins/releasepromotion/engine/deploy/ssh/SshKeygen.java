package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Keys made by the real {@code ssh-keygen}, as an administrator would make them. */
final class SshKeygen {

    /** A key pair on disk: {@code file} holds the private key, {@code file.pub} the public one. */
    record Key(Path file, String passphrase) {
        String privateKey() throws IOException {
            return Files.readString(file, StandardCharsets.UTF_8);
        }

        /** {@code <type> <base64>}, without the comment. */
        String publicKey() throws IOException {
            String[] fields = Files.readString(Path.of(file + ".pub"), StandardCharsets.UTF_8)
                    .trim()
                    .split(" ");
            return fields[0] + " " + fields[1];
        }

        /** The key's {@code SHA256:} fingerprint as {@code ssh-keygen -lf} prints it. */
        String fingerprint() throws IOException, InterruptedException {
            return run("ssh-keygen", "-lf", file + ".pub").split(" ")[1];
        }

        /** The {@code known_hosts} line for this key as the host key of {@code 127.0.0.1} on {@code port}. */
        String knownHostsLine(String host, int port) throws IOException {
            String name = port == 22 ? host : "[" + host + "]:" + port;
            return name + " " + publicKey();
        }
    }

    private SshKeygen() {}

    /**
     * @param type {@code ed25519}, {@code ecdsa}, {@code rsa}
     * @param bits 0 for the type's default
     * @param pem write the private key in the PEM format instead of OpenSSH's own
     */
    static Key generate(Path dir, String name, String type, int bits, String passphrase, boolean pem)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name));
        if (bits > 0) {
            argv.addAll(List.of("-b", Integer.toString(bits)));
        }
        if (pem) {
            argv.addAll(List.of("-m", "PEM"));
        }
        argv.addAll(List.of("-f", file.toString()));
        run(argv.toArray(String[]::new));
        return new Key(file, passphrase);
    }

    static Key generate(Path dir, String name, String type) throws IOException, InterruptedException {
        return generate(dir, name, type, 0, "", false);
    }

    /** Hashes the host names of a known_hosts file, as {@code HashKnownHosts yes} does. */
    static String hashed(Path dir, String knownHostsLine) throws IOException, InterruptedException {
        Path file = dir.resolve("known_hosts_to_hash");
        Files.writeString(file, knownHostsLine + "\n", StandardCharsets.UTF_8);
        run("ssh-keygen", "-q", "-H", "-f", file.toString());
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    static String run(String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", argv[0])
                .isTrue();
        assertThat(process.exitValue()).as("%s: %s", List.of(argv), output).isZero();
        return output;
    }
}
