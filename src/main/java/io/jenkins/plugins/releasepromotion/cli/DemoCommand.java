package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.cli.demo.DemoSandbox;
import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.ShellQuote;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole flow on a sandbox built for the run, no network needed. Every step is the command a release
 * manager would type, run here on the sandbox; the approval asks at the terminal unless {@code --yes} is given.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs the whole release flow on a sandbox in a temporary directory: a sample app's repository,"
                + " two staging slots and a production host over SSH on loopback. Stops everything it started.")
final class DemoCommand implements Callable<Integer> {
    static final String APPROVER = "alice";
    /** The page covers the earlier releases and the demo's own: nine weeks. */
    private static final String PAGE_WINDOW = "63d";

    @Option(
            names = {"--yes", "-y"},
            description = "Approve the production promotions as " + APPROVER + " without asking.")
    boolean yes;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Build the sandbox here (empty or missing). Default: a new temporary directory.")
    Path dir;

    @ParentCommand
    ReleasePromotionCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter out;
    private DemoSandbox sandbox;
    private final List<String[]> summary = new ArrayList<>();
    private final long started = System.nanoTime();

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path where = dir != null ? dir : Files.createTempDirectory("release-promotion-demo-");
        if (dir != null && Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--dir " + dir + " is not empty; give an empty or new"
                            + " directory, or leave --dir out for a temporary one.");
                }
            }
        }
        heading("Building the sandbox");
        sandbox = DemoSandbox.create(where);
        Thread hook = new Thread(this::interrupted, "release-promotion demo shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return story();
        } finally {
            sandbox.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs, and closing twice is harmless.
            }
        }
    }

    private int story() {
        describeSandbox();
        heading("Setting the scene: eight weeks of earlier releases, then v1.0.0 last week");
        sandbox.writeHistory();
        out.println("The ledger starts with the releases v0.1.0 to v0.8.0 of the last eight weeks, one of them rolled"
                + " back and one whose deploy failed, so the release record has a history to show.");
        quietly("promote", "v1.0.0", "--env", "staging", "--slot", "2", "--actor", "ci");
        quietly("promote", "v1.0.0", "--env", "production", "--actor", "ci", "--approved-by", APPROVER);
        out.println("v1.0.0 runs on staging slot 2 and in production, deployed and verified; the ledger has it all.");

        heading("1. Check: may v1.1.0 go to staging slot 1?");
        step("check v1.1.0 for staging", 0, "check", "v1.1.0", "--env", "staging", "--slot", "1");
        heading("2. Promote v1.1.0 to staging slot 1 (deploy, verify, record)");
        toStaging("promote v1.1.0 to staging slot 1", "v1.1.0");
        heading("3. Verify staging slot 1 again, as the release manager would");
        step("verify staging slot 1", 0, "verify", "--env", "staging", "--slot", "1", "--actor", "ci");
        heading("4. Approval: the release manager reviews the evidence");
        out.println(
                yes
                        ? "(--yes: " + APPROVER + " approves at the prompt below)"
                        : "(answer the prompt: approver " + APPROVER + ", then yes)");
        heading("5. Promote the same tag and commit to production (over SSH)");
        int approved = approvedStep(
                "promote v1.1.0 to production", "promote", "v1.1.0", "--env", "production", "--actor", "ci");
        if (approved != 0) {
            out.println("The promotion was not approved, so nothing went to production. Run the demo with --yes, or"
                    + " on a terminal, to see the rest.");
            return finish(approved);
        }
        heading("6. Verify production");
        step("verify production", 0, "verify", "--env", "production", "--actor", "ci");
        heading("7. Status: what runs where, ledger beside live /api/version");
        step("status", 0, "status");

        heading("8. Refused: an untested tag, and a lightweight tag");
        step(
                "promote untested v1.2.0 to production",
                ExitCode.GATE_REFUSED,
                "promote",
                "v1.2.0",
                "--env",
                "production",
                "--actor",
                "ci",
                "--approved-by",
                APPROVER);
        step("check lightweight v1.2.1", ExitCode.GATE_REFUSED, "check", "v1.2.1", "--env", "staging", "--slot", "2");

        heading("9. Hotfix: v1.1.1 from hotfix/login-redirect, a patch on what production runs");
        toStaging("promote hotfix v1.1.1 to staging slot 1", "v1.1.1");
        int hotfix = approvedStep(
                "promote hotfix v1.1.1 to production", "promote", "v1.1.1", "--env", "production", "--actor", "ci");
        if (hotfix != 0) {
            return finish(hotfix);
        }

        heading("10. Rollback: production back to the previous good tag");
        step(
                "roll production back",
                0,
                "rollback",
                "--env",
                "production",
                "--actor",
                "alice",
                "--reason",
                "practising the rollback");
        step("status", 0, "status");
        step("history of production", 0, "history", "--env", "production", "--limit", "12");
        return finish(0);
    }

    private void describeSandbox() {
        out.println("Sandbox:      " + sandbox.root());
        out.println("Repository:   " + sandbox.workspace() + "  (tags v1.0.0 v1.1.0 v1.2.0, lightweight v1.2.1,"
                + " hotfix/login-redirect with v1.1.1)");
        out.println("Staging:      slots 1 and 2, deployed by scripts/deploy-staging.sh <slot> <tag>");
        out.println("Production:   over SSH to 127.0.0.1 with a pinned host key, deploy-production.sh <tag>");
        out.println("Credentials:  "
                + String.join(", ", sandbox.credentialVariables().keySet()));
        out.println("Each command below also gets: " + String.join(" ", sandbox.options()));
    }

    private void toStaging(String name, String tag) {
        step(name, 0, "promote", tag, "--env", "staging", "--slot", "1", "--actor", "ci");
    }

    /** Runs a command of this tool on the sandbox, shows it, and checks it ended as the story expects. */
    private int step(String name, int expected, String... args) {
        return record(name, expected, run(Terminal.none(), true, args));
    }

    /** A promotion that needs approval: asked at this terminal, or answered as the approver with --yes. */
    private int approvedStep(String name, String... args) {
        Terminal terminal = yes
                ? Terminal.scripted(
                        new StringReader(APPROVER + "\nyes\n"),
                        out,
                        root.terminal().animated())
                : root.terminal();
        return record(name, 0, run(terminal, true, args));
    }

    private void quietly(String... args) {
        StringWriter discarded = new StringWriter();
        int code = command(Terminal.none(), new PrintWriter(discarded)).execute(withSandbox(args));
        if (code != 0) {
            throw new IllegalStateException("the demo could not set the scene: '" + String.join(" ", args)
                    + "' ended with exit code " + code + ":\n" + discarded);
        }
    }

    private int run(Terminal terminal, boolean show, String... args) {
        if (show) {
            out.println("$ release-promotion "
                    + Arrays.stream(args).map(ShellQuote::quote).collect(Collectors.joining(" ")));
            out.flush();
        }
        return command(terminal, out).execute(withSandbox(args));
    }

    private CommandLine command(Terminal terminal, PrintWriter writer) {
        CommandLine line = ReleasePromotionCommand.commandLine(terminal, sandbox.commandEnvironment());
        line.setOut(writer);
        line.setErr(writer);
        return line;
    }

    private String[] withSandbox(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(sandbox.options());
        return all.toArray(String[]::new);
    }

    private int record(String name, int expected, int code) {
        summary.add(new String[] {name, Integer.toString(code), Integer.toString(expected)});
        if (code != expected) {
            out.println("!! " + name + " ended with exit code " + code + ", the story expected " + expected + ".");
        }
        out.flush();
        return code;
    }

    /** The release record of the sandbox's nine weeks, as one page. */
    private void writePage() {
        heading("The release record as a page: what runs where, the timeline, the delivery figures");
        step("write the release record page", 0, "report", "--html", page().toString(), "--since", PAGE_WINDOW);
    }

    private Path page() {
        return sandbox.root().resolve("release-record.html");
    }

    private void heading(String text) {
        out.println();
        out.println("== " + text + " " + "=".repeat(Math.max(3, 100 - text.length())));
        out.flush();
    }

    private int finish(int code) {
        writePage();
        heading("Summary");
        boolean asExpected = true;
        for (String[] row : summary) {
            boolean ok = row[1].equals(row[2]);
            boolean notApproved = row[1].equals(Integer.toString(ExitCode.REJECTED));
            asExpected &= ok || notApproved;
            out.printf(
                    Locale.ROOT,
                    "  %-45s exit %s  %s%n",
                    row[0],
                    row[1],
                    ok ? "as expected" : notApproved ? "not approved" : "UNEXPECTED");
        }
        sandbox.close();
        out.printf(
                Locale.ROOT,
                "Took %.1f s. Every app and the SSH server are stopped.%n",
                (System.nanoTime() - started) / 1e9);
        out.println("Ledger:  " + sandbox.ledger() + "  (one JSON Lines file per environment)");
        out.println("Sandbox: " + sandbox.root() + "  (remove it with: rm -rf " + sandbox.root() + ")");
        out.println("Look again: release-promotion history --env production " + String.join(" ", sandbox.options()));
        out.println("Release record: " + page() + "  (open it in a browser)");
        out.flush();
        if (code != 0) {
            return code;
        }
        return asExpected ? ExitCode.SUCCESS : ExitCode.UNEXPECTED;
    }

    private void interrupted() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
