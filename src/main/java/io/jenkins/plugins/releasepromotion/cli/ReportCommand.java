package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.report.ReleaseReport;
import io.jenkins.plugins.releasepromotion.engine.report.page.ReportPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: the release record as one self-contained HTML page. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes the release record as one self-contained HTML page (no script, nothing fetched): what"
                + " runs where, the timeline of the window, and production's four delivery figures with their"
                + " records. docs/report.md defines each figure.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    ReleaseRecordOptions record;

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "The page to write.")
    Path html;

    @Option(
            names = "--live",
            description = "Also ask each running application what it runs (/api/version, /api/health) and flag drift.")
    boolean live;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path target = html.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--html " + html + ": the folder " + folder + " does not exist;"
                    + " create it, or give a page in an existing folder");
        }
        ReleaseConfig config = options.loadConfig();
        ReleaseReport report = record.read(options, config, live);
        write(target, ReportPage.standalone(report));
        spec.commandLine()
                .getOut()
                .println("Wrote the release record of " + report.tiles().size() + " environment slots, "
                        + report.window().weeks() + " weeks, to " + target);
        report.warnings().forEach(spec.commandLine().getErr()::println);
        return ExitCode.SUCCESS;
    }

    /** Written beside the page, then moved over it: a reader never sees half a page. */
    static void write(Path target, String page) {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null) {
            throw new IllegalArgumentException("--html " + target + ": give a file to write, not a folder's root");
        }
        try {
            Path partial = Files.createTempFile(folder, ".report-", ".html.partial");
            try {
                Files.writeString(partial, page, StandardCharsets.UTF_8);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--html " + target + ": cannot write the page (" + e.getMessage()
                    + "); give a page in a folder this user may write");
        }
    }
}
