package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ledger verify} over a ledger written by real promotions and rollbacks of a script-deployed environment, then
 * edited on disk as someone with write access to the file could.
 */
class LedgerVerifyCommandTest {
    private ScriptRepo repo;
    private List<String> lines;
    private int demoRecords;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void promotions(@TempDir Path dir) throws Exception {
        repo = ScriptRepo.create(dir);
        Path deploy = repo.script("deploy.sh", "#!/bin/sh\necho \"deploying $1 to $2\"\n");
        repo.configure(
                """
                environments:
                  - name: qa
                    kind: staging
                    slots: 1
                    deploy:
                      script:
                        command: ['%s', '{tag}', '{environment}']
                  - name: demo
                    kind: staging
                    deploy:
                      script:
                        command: ['%s', '{tag}', '{environment}']
                """
                        .formatted(deploy, deploy));
        assertThat(run("promote", "v0.1.0", "--env", "qa", "--slot", "1"))
                .as(err.toString())
                .isZero();
        assertThat(run("promote", "v0.2.0", "--env", "qa", "--slot", "1"))
                .as(err.toString())
                .isZero();
        assertThat(run("rollback", "--env", "qa", "--slot", "1"))
                .as(err.toString())
                .isZero();
        assertThat(run("promote", "v0.1.0", "--env", "demo")).as(err.toString()).isZero();
        lines = new ArrayList<>(Files.readAllLines(qa(), StandardCharsets.US_ASCII));
        demoRecords = Files.readAllLines(repo.ledger().resolve("demo.jsonl")).size();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void anIntactLedgerSaysSoWithTheCountChecked() {
        // Up to a break, "checked" counts the records read; here, all of them.
        int records = lines.size() + demoRecords;

        assertThat(run("ledger", "verify")).as(err.toString()).isZero();

        assertThat(out.toString())
                .isEqualTo("INTACT " + repo.ledger() + ": " + records + " records in 2 environments checked.\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aChangedByteInAMiddleRecordIsNamedThoughItsChecksumWasRecomputed() throws Exception {
        String forged = withChecksum(lines.get(2).replace("\"actor\":\"", "\"actor\":\"X"));
        lines.set(2, forged);
        write(lines);
        List<String> warnings = new ArrayList<>();
        assertThat(new JsonLinesLedger(repo.ledger(), warnings::add).history("qa"))
                .as("the checksum no longer shows the change")
                .hasSize(lines.size());
        assertThat(warnings).isEmpty();

        int code = run("ledger", "verify");

        assertThat(code).isEqualTo(ExitCode.LEDGER_BROKEN);
        assertThat(out.toString())
                .startsWith("BROKEN qa: line 3 (record " + idOf(forged) + ") was changed: its hash is no longer the one"
                        + " line 4 carries as prev.\n")
                .endsWith("BROKEN " + repo.ledger() + ": " + (demoRecords + 4)
                        + " records in 2 environments checked, 1 broken.\n");
    }

    @Test
    void aRemovedRecordIsNamed() throws Exception {
        String after = lines.get(3);
        lines.remove(2);
        write(lines);

        assertThat(run("ledger", "verify", "--env", "qa")).isEqualTo(ExitCode.LEDGER_BROKEN);

        assertThat(out.toString())
                .startsWith("BROKEN qa: line 3 (record " + idOf(after) + ") follows a gap: 1 record before it was"
                        + " removed (its seq is 4, the record before it is followed by 3).\n")
                .contains(" records in 1 environment checked, 1 broken.");
    }

    @Test
    void twoSwappedRecordsAreNamed() throws Exception {
        String moved = lines.get(3);
        Collections.swap(lines, 2, 3);
        write(lines);

        assertThat(run("ledger", "verify")).isEqualTo(ExitCode.LEDGER_BROKEN);

        assertThat(out.toString())
                .startsWith("BROKEN qa: line 3 (record " + idOf(moved) + ") is out of order: it follows line 4 in the"
                        + " chain but comes before it.\n");
    }

    @Test
    void aLineWrittenByHandIsNamedAsInserted() throws Exception {
        // A passing verification that never ran, in the form the command writes, checksum and all.
        String forged = withChecksum(lines.get(1)
                .replace("\"kind\":\"DEPLOYMENT\"", "\"kind\":\"VERIFICATION\"")
                .replaceFirst("\\{\"id\":\"[^\"]+\"", "{\"id\":\"forged-1\"")
                .replaceFirst(",\"seq\":.*", "}"));
        lines.add(4, forged);
        write(lines);

        assertThat(run("ledger", "verify")).isEqualTo(ExitCode.LEDGER_BROKEN);

        assertThat(out.toString())
                .startsWith("BROKEN qa: line 5 (record forged-1) was inserted: it carries no link, yet the chain began"
                        + " at line 1.\n");
    }

    @Test
    void aCopiedLineIsNamedAsInserted() throws Exception {
        lines.add(4, lines.get(1));
        write(lines);

        assertThat(run("ledger", "verify")).isEqualTo(ExitCode.LEDGER_BROKEN);

        assertThat(out.toString())
                .startsWith("BROKEN qa: line 5 (record " + idOf(lines.get(1)) + ") was inserted: it"
                        + " is a copy of line 2.\n");
    }

    @Test
    void recordsWrittenBeforeTheChainAreCountedAndTheChainChecked() throws Exception {
        Path old = repo.ledger().resolve("legacy.jsonl");
        Files.writeString(
                old,
                "{\"id\":\"old-1\",\"kind\":\"VERIFICATION\",\"phase\":\"FINISHED\",\"environment\":\"legacy\","
                        + "\"tag\":\"v0.0.1\",\"outcome\":\"SUCCEEDED\",\"startedAt\":\"2024-12-01T09:00:00Z\","
                        + "\"finishedAt\":\"2024-12-01T09:05:00Z\"}\n",
                StandardCharsets.US_ASCII);
        repo.configure(Files.readString(repo.config()).replace("name: demo", "name: legacy"));
        assertThat(run("promote", "v0.1.0", "--env", "legacy"))
                .as(err.toString())
                .isZero();

        assertThat(run("ledger", "verify", "--env", "legacy")).isZero();

        assertThat(out.toString())
                .endsWith(": " + (1 + demoRecords) + " records in 1 environment checked; legacy: 1 record before the"
                        + " chain began.\n");
    }

    @Test
    void printsJsonThatMatchesItsSchema() throws Exception {
        Collections.swap(lines, 2, 3);
        write(lines);

        JsonNode json = Schemas.matches("ledger-verify", output(run("ledger", "verify", "--json")));

        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(ExitCode.LEDGER_BROKEN);
        assertThat(json.at("/environments/0/environment").asText()).isEqualTo("demo");
        assertThat(json.at("/environments/0/broken").isNull()).isTrue();
        assertThat(json.at("/environments/1/broken/kind").asText()).isEqualTo("REORDERED");
        assertThat(json.at("/environments/1/broken/position").asLong()).isEqualTo(3);
    }

    @Test
    void anEnvironmentWithoutRecordsOrAMissingLedgerIsOneLine() {
        assertThat(run("ledger", "verify", "--env", "prod")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(err.toString())
                .isEqualTo("release-promotion: --env prod: the ledger " + repo.ledger() + " holds no records of it (it"
                        + " holds demo, qa); name one of those, or leave --env out to check them all\n");
        StringWriter missing = new StringWriter();
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), Map.of());
        line.setErr(new PrintWriter(missing, true));
        Path nowhere = repo.root().resolve("nowhere");

        assertThat(line.execute("ledger", "verify", "--ledger", nowhere.toString()))
                .isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(missing.toString())
                .isEqualTo("release-promotion: no ledger at " + nowhere + ": the directory does not exist; give the"
                        + " ledger's directory with --ledger DIR\n");
        assertThat(nowhere).doesNotExist();
    }

    private Path qa() {
        return repo.ledger().resolve("qa.jsonl");
    }

    private void write(List<String> edited) throws IOException {
        Files.writeString(qa(), String.join("\n", edited) + "\n", StandardCharsets.US_ASCII);
    }

    private static String idOf(String line) {
        return line.substring("{\"id\":\"".length(), line.indexOf('"', "{\"id\":\"".length()));
    }

    /** The line with its checksum member made to match again, as docs/ledger.md says how: CRC-32C of the rest. */
    private static String withChecksum(String line) {
        int member = line.lastIndexOf(",\"crc\":\"");
        String body = (member < 0 ? line.substring(0, line.length() - 1) : line.substring(0, member)) + "}";
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return body.substring(0, body.length() - 1) + ",\"crc\":\"" + String.format(Locale.ROOT, "%08x", crc.getValue())
                + "\"}";
    }

    private String output(int code) {
        return out.toString();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = ReleasePromotionCommand.commandLine(Terminal.none(), Map.of());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(repo.options());
        return line.execute(all.toArray(String[]::new));
    }
}
