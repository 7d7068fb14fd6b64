package io.jenkins.plugins.releasepromotion.bench;

import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Figure 6: {@code release-promotion check} started cold (a new JVM through the launcher, as a person or a CI job
 * runs it) against a bare {@code java -version} on the same machine, the floor of any Java command.
 */
final class StartupFigure {
    private static final int RUNS = 10;

    private final Path dir;

    StartupFigure(Path dir) {
        this.dir = dir;
    }

    Figure run() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> check = check();
        List<String> floor = List.of(java.toString(), "-version");
        Processes.millis(check);
        Processes.millis(floor);
        double[] ours = new double[RUNS];
        double[] baseline = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            ours[i] = Processes.millis(check);
            baseline[i] = Processes.millis(floor);
        }
        Stats o = Stats.of(ours);
        Stats b = Stats.of(baseline);
        double ratio = o.median() / b.median();
        return new Figure(
                "Start-up: `release-promotion check` cold vs `java -version` (ms)",
                o.format("ms"),
                b.format("ms") + " (`java -version`)",
                ratio,
                "≤ 2",
                ratio <= 2);
    }

    /** The {@code check} this figure times: a one-tag repository, staging, no ledger yet. */
    List<String> check() throws Exception {
        return List.of(
                Path.of("bin", "release-promotion").toAbsolutePath().toString(),
                "check",
                "v1.0.0",
                "--env",
                "staging",
                "--slot",
                "1",
                "--repo",
                repository().toString());
    }

    private Path repository() throws Exception {
        Path repo = dir.resolve("startup-repo");
        if (Files.exists(repo.resolve("release-promotion.yaml"))) {
            return repo;
        }
        try (TestRepo r = TestRepo.init(repo)) {
            r.write("CHANGELOG.md", "# Changelog\n\n## [1.0.0] - 2026-11-20\n\n### Added\n- First release\n");
            r.commit("Release v1.0.0");
            r.tag("v1.0.0");
        }
        Files.writeString(
                repo.resolve("release-promotion.yaml"),
                "environments:\n  - name: staging\n    kind: staging\n    slots: 2\n"
                        + "    deploy: {script: {command: [./deploy.sh, '{slot}', '{tag}']}}\n",
                StandardCharsets.UTF_8);
        return repo;
    }
}
