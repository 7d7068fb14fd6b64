package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A real git repository with a changelog and the release tag v1.0.0, a configuration file and a deploy script, and
 * the command run in-process on it with its standard output and error kept.
 */
final class CliRepo {
    final Path dir;
    final String commit;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Map<String, String> environment = Map.of();

    private CliRepo(Path dir, String commit) {
        this.dir = dir;
        this.commit = commit;
    }

    static CliRepo create(Path dir) throws Exception {
        try (TestRepo r = TestRepo.init(dir)) {
            r.write("CHANGELOG.md", "# Changelog\n\n## [1.0.0] - 2026-11-20\n\n### Added\n- First release\n");
            String commit = r.commit("Release v1.0.0").getName();
            r.tag("v1.0.0");
            return new CliRepo(dir, commit);
        }
    }

    /** Tags one more release on top. */
    void release(String version) throws Exception {
        try (TestRepo r = TestRepo.open(dir)) {
            r.write(
                    "CHANGELOG.md",
                    "# Changelog\n\n## [" + version + "] - 2026-11-21\n\n### Fixed\n- A fix\n\n"
                            + "## [1.0.0] - 2026-11-20\n\n### Added\n- First release\n");
            r.commit("Release v" + version);
            r.tag("v" + version);
        }
    }

    /** The process environment the command sees from now on, e.g. credentials. */
    CliRepo environment(Map<String, String> variables) {
        environment = Map.copyOf(variables);
        return this;
    }

    CliRepo config(String yaml) throws IOException {
        Files.writeString(dir.resolve("release-promotion.yaml"), yaml, StandardCharsets.UTF_8);
        return this;
    }

    /** {@code ./deploy.sh SLOT TAG}: prints what it does, and fails while a file named {@code fail} exists. */
    CliRepo deployScript() throws IOException {
        Path script = dir.resolve("deploy.sh");
        Files.writeString(script, "#!/bin/sh\necho \"deploying $2 to slot $1\"\ntest ! -e fail\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    /** Runs the command with {@code --repo} this repository, unless the arguments name one. */
    int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--repo") && all.size() > 1) {
            all.add("--repo");
            all.add(dir.toString());
        }
        return bare(all.toArray(new String[0]));
    }

    /** Runs the command with exactly these arguments. */
    int bare(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), environment);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
