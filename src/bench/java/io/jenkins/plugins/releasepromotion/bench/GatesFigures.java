package io.jenkins.plugins.releasepromotion.bench;

import io.jenkins.plugins.releasepromotion.cli.GatesDryRunBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Figure 2: the full dry run of a tag to production on a repository of 100,000 commits and 10,000 tags
 * ({@link GatesRepository}) against the same facts gathered with the {@code git} command line, a process per question
 * as a script would: resolve the tag to its commit and read its type, its ancestry against main, the changelog at the
 * tag, and the paths changed since the tag production runs. Warm (2a): the dry run in a warm JVM under JMH. Cold (2b):
 * {@code release-promotion check} as a process through the launcher, a new JVM each time.
 */
final class GatesFigures {
    private static final int RUNS = 20;
    private static final int COLD_RUNS = 10;

    private final Path dir;

    GatesFigures(Path dir) {
        this.dir = dir;
    }

    List<Figure> run() throws Exception {
        GatesRepository fixture = new GatesRepository(dir).prepare();
        return List.of(warm(fixture), cold(fixture));
    }

    private Figure warm(GatesRepository fixture) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(GatesDryRunBenchmark.class.getName())
                        .jvmArgsAppend(
                                "-Dgates.repo=" + fixture.repo(),
                                "-Dgates.config=" + fixture.config(),
                                "-Dgates.ledger=" + fixture.ledger(),
                                "-Dgates.tag=" + GatesRepository.CANDIDATE)
                        .build())
                .run();
        Statistics s = results.iterator().next().getPrimaryResult().getStatistics();
        Stats ours = new Stats(s.getMin(), s.getPercentile(50), s.getMax(), (int) s.getN());
        List<List<String>> git = gitCommands(fixture.repo());
        sequence(git);
        double[] baseline = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            baseline[i] = sequence(git);
        }
        Stats b = Stats.of(baseline);
        double ratio = ours.median() / b.median();
        return new Figure(
                "Gates, warm: the dry run of a tag in a warm JVM vs the same facts from `git` (ms)",
                ours.format("ms"),
                b.format("ms") + " (" + git.size() + " `git` processes)",
                ratio,
                "≤ 1.0",
                ratio <= 1.0);
    }

    private Figure cold(GatesRepository fixture) throws Exception {
        List<String> check = List.of(
                Path.of("bin", "release-promotion").toAbsolutePath().toString(),
                "check",
                GatesRepository.CANDIDATE,
                "--env",
                "production",
                "--repo",
                fixture.repo().toString(),
                "--config",
                fixture.config().toString(),
                "--ledger",
                fixture.ledger().toString());
        // The same command on a one-tag repository (figure 6): what start-up alone costs, for comparison.
        List<String> startup = new StartupFigure(dir).check();
        List<List<String>> git = gitCommands(fixture.repo());
        // The first run makes the launcher's class-data archive; the runs measured use it, as every later one does.
        Processes.millis(check);
        Processes.millis(startup);
        sequence(git);
        double[] ours = new double[COLD_RUNS];
        double[] small = new double[COLD_RUNS];
        double[] baseline = new double[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            ours[i] = Processes.millis(check);
            small[i] = Processes.millis(startup);
            baseline[i] = sequence(git);
        }
        Stats o = Stats.of(ours);
        Stats b = Stats.of(baseline);
        double ratio = o.median() / b.median();
        return new Figure(
                "Gates, cold: `release-promotion check` as a new process vs the same facts from `git` (ms)",
                o.format("ms") + "; start-up alone (`check` on a one-tag repository, figure 6): "
                        + Stats.of(small).format("ms"),
                b.format("ms") + " (" + git.size() + " `git` processes)",
                ratio,
                "≤ 1.0",
                ratio <= 1.0);
    }

    /** The questions the gates ask of the repository, each a {@code git} process as a script would run it. */
    private static List<List<String>> gitCommands(Path repo) {
        String r = repo.toString();
        String tag = GatesRepository.CANDIDATE;
        return List.of(
                List.of("git", "-C", r, "rev-parse", "--verify", "--quiet", tag + "^{commit}"),
                List.of("git", "-C", r, "cat-file", "-t", tag),
                List.of("git", "-C", r, "merge-base", "--is-ancestor", tag, "main"),
                List.of("git", "-C", r, "show", tag + ":CHANGELOG.md"),
                List.of("git", "-C", r, "diff", "--name-only", GatesRepository.RUNNING, tag));
    }

    /** Milliseconds for the commands one after the other; each must succeed. */
    private static double sequence(List<List<String>> commands) throws IOException, InterruptedException {
        double total = 0;
        for (List<String> command : commands) {
            total += Processes.millis(command);
        }
        return total;
    }
}
