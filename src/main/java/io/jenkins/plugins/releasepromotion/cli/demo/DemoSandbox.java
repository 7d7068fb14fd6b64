package io.jenkins.plugins.releasepromotion.cli.demo;

import io.jenkins.plugins.releasepromotion.engine.config.ChildEnvironment;
import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.ShellQuote;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.sample.LoopbackPorts;
import io.jenkins.plugins.releasepromotion.sample.SampleApp;
import io.jenkins.plugins.releasepromotion.sample.SampleDeployScript;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Everything the demo runs on, in one directory: the origin repository of a small sample app, the CI checkout, two
 * staging slots deployed by a local script, a production host reached over SSH with a pinned host key, the
 * configuration, the credentials and the ledger. Every app the deploys start is told to end with this process, and
 * {@link #close()} stops them and the SSH server.
 */
public final class DemoSandbox implements AutoCloseable {
    static final List<String> DEPLOYMENTS = List.of("staging-1", "staging-2", "production-host/job-search-project");
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final DemoSshHost ssh;
    private final Map<String, String> environment;
    private final Instant createdAt;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoSandbox(Path root, DemoSshHost ssh, Map<String, String> environment, Instant createdAt) {
        this.root = root;
        this.ssh = ssh;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.createdAt = createdAt;
    }

    /** Builds the sandbox in {@code root} (empty or missing) and starts the production host's SSH server. */
    public static DemoSandbox create(Path root) throws IOException, GeneralSecurityException {
        Files.createDirectories(root);
        Path origin = root.resolve("origin");
        Instant now = Instant.now();
        DemoRepository.create(origin, now);
        DemoRepository.cloneTo(origin, root.resolve("workspace"));
        for (String deployment : DEPLOYMENTS) {
            DemoRepository.cloneTo(origin, root.resolve(deployment));
        }
        Path password = secretFile(root.resolve("secrets/demo-user.password"), randomPassword());
        Path key = root.resolve("keys/production-deploy-key");
        DemoSshHost ssh = DemoSshHost.start(key);
        try {
            int stagingPrefix = LoopbackPorts.freePrefixForTwoSlots();
            int productionPort = LoopbackPorts.free();
            Path sampleScript = SampleDeployScript.extractTo(root.resolve("scripts"));
            Path staging = writeScript(
                    root.resolve("scripts/deploy-staging.sh"),
                    stagingScript(root, sampleScript, stagingPrefix, password));
            Path production = writeScript(
                    root.resolve("production-host/deploy-production.sh"),
                    productionScript(root, sampleScript, productionPort, password));
            Files.writeString(
                    root.resolve("release-promotion.yaml"),
                    DemoConfiguration.yaml(root, staging, stagingPrefix, productionPort, ssh, production),
                    StandardCharsets.UTF_8);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_KEY_FILE", key.toString());
            env.put("RELEASE_PROMOTION_DEMO_USER_USERNAME", "demo");
            env.put("RELEASE_PROMOTION_DEMO_USER_PASSWORD_FILE", password.toString());
            return new DemoSandbox(root, ssh, env, now);
        } catch (IOException | RuntimeException e) {
            ssh.close();
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    public Path workspace() {
        return root.resolve("workspace");
    }

    public Path configFile() {
        return root.resolve("release-promotion.yaml");
    }

    public Path ledger() {
        return root.resolve("ledger");
    }

    /**
     * Writes the sample app's earlier releases ({@link DemoHistory}) into the sandbox's ledger, with the commits of
     * their tags in the sandbox's repository.
     */
    public void writeHistory() {
        try (GitFacts git = GitFacts.open(workspace(), TagPattern.defaultPattern())) {
            DemoHistory.write(new JsonLinesLedger(ledger()), createdAt, git::resolveTag);
        }
    }

    /** The variables the command reads credentials from (see docs/cli.md); file names only, never a secret. */
    public Map<String, String> credentialVariables() {
        return environment;
    }

    /**
     * The environment the demo's commands run with: the usual variables of this process ({@code PATH}, {@code HOME},
     * …, never a credential of the real command line) and the sandbox's credential variables.
     */
    public Map<String, String> commandEnvironment() {
        Map<String, String> all = new LinkedHashMap<>(ChildEnvironment.of(System.getenv(), List.of()));
        all.putAll(environment);
        return all;
    }

    /** The options that point a command at this sandbox. */
    public List<String> options() {
        return List.of(
                "--repo", workspace().toString(), "--config", configFile().toString(), "--ledger", ledger().toString());
    }

    /** The processes of the sample apps running now, per deployment directory. */
    public Map<String, ProcessHandle> runningApps() {
        Map<String, ProcessHandle> apps = new LinkedHashMap<>();
        for (String deployment : DEPLOYMENTS) {
            Path pidFile = root.resolve(deployment).resolve(".sample/app.pid");
            try {
                if (Files.exists(pidFile)) {
                    long pid = Long.parseLong(
                            Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> apps.put(deployment, p));
                }
            } catch (IOException | NumberFormatException e) {
                // Being rewritten by a deploy right now; the app it names is stopped by the deploy or by its watch.
            }
        }
        return apps;
    }

    /** Stops every app and the SSH server, and waits until each app is gone. Safe to call twice, and from a hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Map<String, ProcessHandle> apps = runningApps();
        apps.values().forEach(ProcessHandle::destroy);
        for (ProcessHandle app : apps.values()) {
            try {
                app.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                app.destroyForcibly();
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                app.destroyForcibly();
            }
        }
        try {
            ssh.close();
        } catch (IOException e) {
            // The server's sockets close with this process anyway.
        }
    }

    private static String stagingScript(Path root, Path sampleScript, int prefix, Path password) {
        return "#!/bin/sh\n"
                + "# Deploys a release tag to a staging slot of the demo, as the mission's\n"
                + "# ./scripts/deploy-staging.sh <slot> <tag> does.\n"
                + "set -eu\n"
                + "[ \"$#\" -eq 2 ] || { echo 'usage: deploy-staging.sh <slot> <tag>' >&2; exit 2; }\n"
                + "case \"$1\" in 1 | 2) ;; *) echo \"deploy-staging: no slot $1; use 1 or 2\" >&2; exit 2 ;; esac\n"
                + common(password)
                + "SAMPLE_ENVIRONMENT=staging SAMPLE_SLOT=$1\nexport SAMPLE_ENVIRONMENT SAMPLE_SLOT\n"
                + "exec " + ShellQuote.quote(sampleScript.toString()) + " " + ShellQuote.quote(root + "/staging-")
                + "\"$1\" \"$2\" " + prefix + "\"$1\"\n";
    }

    private static String productionScript(Path root, Path sampleScript, int port, Path password) {
        return "#!/bin/sh\n"
                + "# Deploys a release tag on the demo's production host, as the mission's\n"
                + "# ./scripts/deploy-production.sh <tag> does.\n"
                + "set -eu\n"
                + "[ \"$#\" -eq 1 ] || { echo 'usage: deploy-production.sh <tag>' >&2; exit 2; }\n"
                + common(password)
                + "SAMPLE_ENVIRONMENT=production\nexport SAMPLE_ENVIRONMENT\n"
                + "exec " + ShellQuote.quote(sampleScript.toString()) + " "
                + ShellQuote.quote(
                        root.resolve("production-host/job-search-project").toString()) + " \"$1\" "
                + port + "\n";
    }

    private static String common(Path password) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return "SAMPLE_JAVA=" + ShellQuote.quote(java.toString()) + "\n"
                + "SAMPLE_CLASSPATH=" + ShellQuote.quote(absoluteClassPath()) + "\n"
                + SampleApp.WATCH_PID + "=" + ProcessHandle.current().pid() + "\n"
                + "SAMPLE_USERNAME=demo\n"
                + "SAMPLE_PASSWORD=$(cat " + ShellQuote.quote(password.toString()) + ")\n"
                + "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_TERMINAL_PROMPT=0\n"
                + "export SAMPLE_JAVA SAMPLE_CLASSPATH " + SampleApp.WATCH_PID
                + " SAMPLE_USERNAME SAMPLE_PASSWORD GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL GIT_TERMINAL_PROMPT\n";
    }

    /** This JVM's class path with every entry absolute, as the apps run in their deployment directories. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path writeScript(Path file, String text) throws IOException {
        DemoFiles.parentOf(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Path secretFile(Path file, String secret) throws IOException {
        DemoFiles.parentOf(file);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        return file;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
