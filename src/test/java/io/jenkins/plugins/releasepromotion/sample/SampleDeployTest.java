package io.jenkins.plugins.releasepromotion.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.LocalCommandRunner;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.Scripts;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy script run as a deploy runs it: fetch, check out, stop the old app, start the new one. */
class SampleDeployTest {
    private static final Duration GONE_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path origin;

    @TempDir
    Path deployment;

    @TempDir
    Path workspace;

    private SampleRepos repos;
    private Path script;
    private final List<String> lines = Scripts.lines();
    private final List<Long> pids = new ArrayList<>();

    @BeforeEach
    void cloneWithoutTheNewestTag() throws Exception {
        repos = SampleRepos.create(origin);
        SampleRepos.cloneAt(origin, deployment, "v1.0.0");
        try (Git git = Git.open(deployment.toFile())) {
            git.tagDelete().setTags("v1.1.0").call();
        }
        script = SampleDeployScript.extractTo(workspace.resolve("scripts"));
    }

    @AfterEach
    void noSampleAppIsLeftRunning() throws Exception {
        Path pidFile = deployment.resolve(".sample/app.pid");
        if (Files.exists(pidFile)) {
            pids.add(Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        for (long pid : pids) {
            Scripts.await("sample app " + pid + " to stop", GONE_WITHIN, () -> !Scripts.alive(pid));
        }
    }

    private CommandResult deploy(String tag, String startTimeoutSeconds) {
        Map<String, String> env = new HashMap<>(SampleDeployScript.environment());
        env.put("SAMPLE_START_TIMEOUT", startTimeoutSeconds);
        env.put("RELEASE_ENVIRONMENT", "staging");
        env.put("RELEASE_SLOT", "1");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        Command command =
                new Command(List.of(script.toString(), deployment.toString(), tag), null, env, Duration.ofMinutes(2));
        return new LocalCommandRunner(workspace, Secrets.none()).run(command, lines::add);
    }

    private long read(String file) {
        return Scripts.pidIn(deployment.resolve(file));
    }

    private JsonNode version() throws Exception {
        return SampleRepos.json(SampleRepos.get((int) read(".sample/app.port"), "/api/version"));
    }

    @Test
    void deploysATagAndReplacesItWithTheNextOne() throws Exception {
        CommandResult first = deploy("v1.0.0", "30");
        assertThat(first.succeeded()).as("deploy output: %s", lines).isTrue();
        long firstPid = read(".sample/app.pid");
        pids.add(firstPid);
        long port = read(".sample/app.port");
        JsonNode before = version();
        assertThat(before.get("branch").asText()).isEqualTo("v1.0.0");
        assertThat(before.get("commit_sha").asText()).isEqualTo(repos.v100.name());
        assertThat(before.get("slot").asInt()).isEqualTo(1);

        CommandResult second = deploy("v1.1.0", "30");

        assertThat(second.succeeded()).as("deploy output: %s", lines).isTrue();
        assertThat(lines).contains("Fetching tags from origin", "Stopping the running app (pid " + firstPid + ")");
        assertThat(lines.get(lines.size() - 1)).startsWith("Deployed v1.1.0: pid ");
        Scripts.await("the old app to be gone", GONE_WITHIN, () -> !Scripts.alive(firstPid));
        assertThat(read(".sample/app.pid")).isNotEqualTo(firstPid);
        assertThat(read(".sample/app.port")).isEqualTo(port);
        JsonNode after = version();
        assertThat(after.get("branch").asText()).isEqualTo("v1.1.0");
        assertThat(after.get("commit_sha").asText()).isEqualTo(repos.v110.name());
        assertThat(Instant.parse(after.get("deployed_at").asText()))
                .isAfter(Instant.parse(before.get("deployed_at").asText()));
    }

    @Test
    void anAppThatNeverListensFailsTheDeployAndIsStopped() throws Exception {
        Files.writeString(deployment.resolve(Faults.FILE), "{\"startDelayMillis\": 600000}");

        CommandResult result = deploy("v1.0.0", "2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).last().asString().contains("the app did not listen within 2s; its log is ");
        long pid = read(".sample/app.pid");
        Scripts.await("the app that never listened to be gone", GONE_WITHIN, () -> !Scripts.alive(pid));
    }

    @Test
    void aTagMissingFromOriginSaysToPushIt() {
        CommandResult result = deploy("v9.9.9", "30");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
                .containsExactly(
                        "Fetching tags from origin",
                        "deploy-sample: tag v9.9.9 not found in origin; push it first (git push origin v9.9.9).");
    }
}
