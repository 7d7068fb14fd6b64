package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromoteRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.Promotion;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromotionResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full dry run of a tag to production in a warm JVM, as {@code check} runs it after start-up: the configuration
 * read, the repository and the ledger opened, every gate's facts gathered and decided, everything closed again. The
 * repository, configuration, ledger and tag come from the figure through system properties.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx512m"})
public class GatesDryRunBenchmark {
    private Path repo;
    private Path config;
    private Path ledger;
    private String tag;

    @Setup
    public void paths() {
        repo = Path.of(System.getProperty("gates.repo"));
        config = Path.of(System.getProperty("gates.config"));
        ledger = Path.of(System.getProperty("gates.ledger"));
        tag = System.getProperty("gates.tag");
        PromotionResult result = dryRun();
        if (!result.decision().allowed()) {
            throw new IllegalStateException("the dry run must pass every gate: " + result.decision());
        }
    }

    @Benchmark
    public PromotionResult dryRun() {
        ReleaseConfig releaseConfig = ConfigLoader.load(config);
        try (GitFacts git = GitFacts.open(repo, TagPattern.of(releaseConfig.tagPattern()))) {
            PromotionRequest request = new PromotionRequest(tag, "production", null, "bench", null, null, null, true);
            return new Promotion(CliEngine.create(
                            releaseConfig,
                            git,
                            new JsonLinesLedger(ledger),
                            repo,
                            Map.of(),
                            Credentials.none(),
                            Secrets.none()))
                    .promote(PromoteRequest.of(request), line -> {});
        }
    }
}
