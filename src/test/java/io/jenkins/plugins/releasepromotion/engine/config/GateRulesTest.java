package io.jenkins.plugins.releasepromotion.engine.config;

import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.STAGING;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateRulesTest {
    private static final String GATES = "environments[1].gates.";

    /** Staging plus a production environment with {@code gates} as a YAML flow mapping. */
    private static String production(String gates) {
        return STAGING + "  - name: production\n    deploy: {script: {command: [./deploy.sh]}}\n    gates: " + gates
                + "\n";
    }

    @Test
    void acceptsPromotionFromAnotherEnvironment() {
        GatesConfig gates = ConfigLoader.parse(production("{promotesFrom: staging}"), "test.yaml")
                .environments()
                .get(1)
                .gates();

        assertThat(gates.promotesFrom()).isEqualTo("staging");
    }

    @Test
    void promotesFromMustNameAnotherEnvironment() {
        assertThat(problemsOf(production("{promotesFrom: stagin}")))
                .containsExactly(
                        GATES + "promotesFrom: 'stagin' is not an environment; use one of production, staging");
        assertThat(problemsOf(production("{promotesFrom: production}")))
                .containsExactly(GATES + "promotesFrom: 'production' is this environment itself; name the environment"
                        + " tags are verified on first, e.g. staging");
    }

    @Test
    void windowsNeedFromAndTo() {
        assertThat(problemsOf(production("{windows: [{days: [MON]}]}")))
                .containsExactly(
                        GATES + "windows[0].from: required; when the window opens, e.g. 09:00",
                        GATES + "windows[0].to: required; when the window closes, e.g. 16:00");
    }

    @Test
    void windowNeedsALength() {
        assertThat(problemsOf(production("{windows: [{from: '09:00', to: '9:00'}]}")))
                .containsExactly(GATES + "windows[0].to: 09:00 is the same time as from; a window needs a length (to"
                        + " before from runs across midnight)");
    }

    @Test
    void windowAcrossMidnightIsAllowed() {
        DeployWindow window = ConfigLoader.parse(production("{windows: [{from: '22:00', to: '02:00'}]}"), "test.yaml")
                .environments()
                .get(1)
                .gates()
                .windows()
                .get(0);

        assertThat(window.from()).isAfter(window.to());
    }

    @Test
    void refusesBadDaysTimesAndZones() {
        assertThat(problemsOf(production(
                        "{windows: [{days: [MON, Funday], from: '25:00', to: '9', timeZone: Mars/Olympus}]}")))
                .containsExactly(
                        GATES + "windows[0].days[1]: 'Funday' is not a day of the week; use MON to SUN or MONDAY to"
                                + " SUNDAY",
                        GATES + "windows[0].from: '25:00' is not a time of day; write HH:mm, e.g. 09:00 or 16:30",
                        GATES + "windows[0].to: '9' is not a time of day; write HH:mm, e.g. 09:00 or 16:30",
                        GATES + "windows[0].timeZone: 'Mars/Olympus' is not a time zone; use an IANA id such as"
                                + " Europe/Berlin or UTC");
    }

    @Test
    void freezeMustEndAfterItStarts() {
        assertThat(problemsOf(production("{freezes: [{from: 2027-01-05T00:00:00Z, to: 2026-12-20T00:00:00Z}]}")))
                .containsExactly(GATES + "freezes[0].to: 2026-12-20T00:00:00Z is not after from (2027-01-05T00:00:00Z);"
                        + " a freeze ends after it starts");
        assertThat(problemsOf(production("{freezes: [{from: 2027-01-05T00:00:00Z, to: 2027-01-05T01:00:00+01:00}]}")))
                .singleElement()
                .asString()
                .startsWith(GATES + "freezes[0].to: 2027-01-05T00:00:00Z is not after from");
    }

    @Test
    void freezesNeedFromAndTo() {
        assertThat(problemsOf(production("{freezes: [{reason: Year-end freeze}]}")))
                .containsExactly(
                        GATES + "freezes[0].from: required; when the freeze starts, e.g. 2026-12-20T00:00:00Z",
                        GATES + "freezes[0].to: required; when the freeze ends, e.g. 2027-01-05T00:00:00Z");
    }

    @Test
    void freezeTimesNeedAnOffset() {
        assertThat(problemsOf(production("{freezes: [{from: 2026-12-20, to: '2027-01-05T00:00:00'}]}")))
                .containsExactly(
                        GATES + "freezes[0].from: '2026-12-20' is not a date and time with an offset; write it like"
                                + " 2026-12-20T00:00:00Z",
                        GATES + "freezes[0].to: '2027-01-05T00:00:00' is not a date and time with an offset; write it"
                                + " like 2026-12-20T00:00:00Z");
    }

    @Test
    void refusesBlankApprovers() {
        assertThat(problemsOf(production("{approvers: [release-managers, '  ']}")))
                .containsExactly(GATES + "approvers[1]: blank; name a user ID or a group");
    }

    @Test
    void refusesAnAttestationAgeOfZero() {
        assertThat(problemsOf(production("{maxAttestationAge: 0d}")))
                .containsExactly(GATES + "maxAttestationAge: '0d' must be longer than zero");
    }

    @Test
    void approvalsDefaultToOneAndTakeAWholeNumber() {
        assertThat(ConfigLoader.parse(production("{approvers: [ann]}"), "test.yaml")
                        .environments()
                        .get(1)
                        .gates()
                        .approvals())
                .isEqualTo(1);
        assertThat(ConfigLoader.parse(production("{approvers: [ann, bob], approvals: 2}"), "test.yaml")
                        .environments()
                        .get(1)
                        .gates()
                        .approvals())
                .isEqualTo(2);
    }

    @Test
    void refusesApprovalsBelowOneOrNotAWholeNumber() {
        assertThat(problemsOf(production("{approvers: [ann], approvals: 0}")))
                .containsExactly(GATES + "approvals: 0 is not a number of approvers; give a whole number of 1 or more"
                        + " (how many distinct approvers a promotion needs)");
        assertThat(problemsOf(production("{approvers: [ann], approvals: two}")))
                .containsExactly(GATES + "approvals: 'two' is not a whole number");
    }

    @Test
    void moreThanOneApprovalNeedsApprovers() {
        assertThat(problemsOf(production("{approvals: 2}")))
                .containsExactly(GATES + "approvals: 2 approvals need approvers; list who may approve under approvers");
    }

    @Test
    void approverKeysMustBeAReadableAllowedSignersFile(@TempDir Path dir) throws IOException {
        Path keys = Files.writeString(dir.resolve("allowed_signers"), "# approvers\nann " + ED25519 + "\n");
        Path broken = Files.writeString(dir.resolve("broken"), "ann ssh-ed25519\n");

        assertThat(ConfigLoader.parse(production("{approvers: [ann], approverKeys: '" + keys + "'}"), "test.yaml")
                        .environments()
                        .get(1)
                        .gates()
                        .approverKeys())
                .isEqualTo(keys.toString());
        assertThat(problemsOf(production("{approvers: [ann], approverKeys: '" + dir.resolve("missing") + "'}")))
                .containsExactly(GATES + "approverKeys: " + dir.resolve("missing")
                        + " does not exist; give the path of the approvers' allowed_signers file.");
        assertThat(problemsOf(production("{approvers: [ann], approverKeys: '" + broken + "'}")))
                .containsExactly(GATES + "approverKeys: " + broken + " line 1: expected principals, optional options,"
                        + " key type and key, found 2 fields; write e.g. 'alice ssh-ed25519 AAAA…'");
    }

    private static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICTwOJzQN39x+JNyb6ozKT7r/ifRraVu4SdC/EO0Zoyc";
}
