package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.DeployConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ScriptDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.ScriptDeployMethod;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Promotes a tag to staging slot 1 with a given deploy script, printing every log line: run in its own JVM by a test
 * that kills it half-way. Arguments: repository, ledger directory, deploy script, tag.
 */
public final class PromoteChild {
    private PromoteChild() {}

    public static void main(String[] args) {
        Path repo = Path.of(args[0]);
        try (GitFacts git = GitFacts.open(repo, TagPattern.defaultPattern())) {
            PromotionResult result = new Promotion(engine(repo, git, Path.of(args[1]), args[2]))
                    .promote(
                            PromoteRequest.of(
                                    new PromotionRequest(args[3], "staging", 1, "child", null, null, null, false)),
                            line -> {
                                System.out.println(line);
                                System.out.flush();
                            });
            System.out.println("RESULT " + result.outcome());
        }
    }

    /** One staging slot deployed by {@code script}, verified by no checks. */
    static Engine engine(Path repo, GitFacts git, Path ledger, String script) {
        return engine(repo, git, ledger, script, Secrets.none());
    }

    /** The same, masking {@code secrets} in the deploy's output. */
    static Engine engine(Path repo, GitFacts git, Path ledger, String script, Secrets secrets) {
        ScriptDeployConfig deploy = new ScriptDeployConfig(List.of(script, "{tag}"), null, Duration.ofMinutes(10));
        EnvironmentConfig staging = new EnvironmentConfig(
                "staging",
                EnvironmentKind.STAGING,
                1,
                null,
                null,
                new DeployConfig(deploy, null),
                List.of(),
                GatesConfig.NONE,
                null,
                null);
        ReleaseConfig config = new ReleaseConfig(null, "main", null, List.of(staging));
        return new Engine(
                config,
                git,
                new JsonLinesLedger(ledger),
                env -> new ScriptDeployMethod(env.deploy().script(), repo, secrets),
                VerificationStep.using(Credentials.none(), Clock.systemUTC(), Sleeper.real(), Secrets.none()),
                null,
                Clock.systemUTC(),
                null);
    }
}
