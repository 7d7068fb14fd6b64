package io.jenkins.plugins.releasepromotion.engine.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.deploy.script.Scripts;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile tag names never reach a deploy, even one that would run its argument through a shell; a secret printed by a
 * deploy never reaches the log, the result or the ledger.
 */
class HostileInputAndSecretsTest {
    private static final String CANARY = "canary-5ecret-Value-42";

    @TempDir
    Path tmp;

    private Path repo;
    private Path sentinel;
    private final List<String> log = Scripts.lines();

    @BeforeEach
    void setUp() throws Exception {
        repo = tmp.resolve("repo");
        try (TestRepo r = TestRepo.init(repo)) {
            r.write("CHANGELOG.md", "# Changelog\n\n## [1.0.0] - 2026-11-20\n\n### Added\n- First\n");
            r.commit("First");
            r.tag("v1.0.0");
        }
        sentinel = tmp.resolve("SENTINEL");
    }

    @Test
    void hostileTagNamesAreRefusedBeforeAnyDeploy() throws Exception {
        // A deploy that would execute its argument: the worst an administrator could configure.
        Path unsafe = Scripts.write(tmp, "unsafe.sh", "#!/bin/sh", "sh -c \"$1\"");
        for (String tag : List.of(
                "v1.0.0;touch " + sentinel,
                "$(touch " + sentinel + ")",
                "`touch " + sentinel + "`",
                "v1.0.0' ; touch '" + sentinel,
                "v1.0.0\ntouch " + sentinel,
                "-v1.0.0 && touch " + sentinel)) {
            PromotionResult result = promote(unsafe, tag, Secrets.none());
            assertThat(result.outcome()).as(tag).isEqualTo(Outcome.GATE_FAILED);
            assertThat(result.message()).doesNotContain("\n");
        }
        assertThat(sentinel).doesNotExist();
    }

    @Test
    void aSecretPrintedByTheDeployIsMaskedEverywhere() throws Exception {
        Path noisy = Scripts.write(
                tmp,
                "noisy.sh",
                "#!/bin/sh",
                "echo \"connecting with " + CANARY + "\"",
                "echo \"token=" + CANARY + "\" >&2",
                "exit 3");
        PromotionResult result = promote(noisy, "v1.0.0", Secrets.none().with(CANARY));
        assertThat(result.outcome()).isEqualTo(Outcome.DEPLOY_FAILED);
        assertThat(log).anyMatch(l -> l.contains("connecting with " + Secrets.MASK));
        assertThat(String.join("\n", log)).doesNotContain(CANARY);
        assertThat(result.toString()).doesNotContain(CANARY);
        try (Stream<Path> files = Files.walk(tmp.resolve("ledger"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain(CANARY);
            }
        }
    }

    private PromotionResult promote(Path script, String tag, Secrets secrets) {
        try (GitFacts git = GitFacts.open(repo, TagPattern.defaultPattern())) {
            Engine engine = PromoteChild.engine(repo, git, tmp.resolve("ledger"), script.toString(), secrets);
            return new Promotion(engine).promote(PromoteRequest.of(PromotionRequest.of(tag, "staging", 1)), log::add);
        }
    }
}
