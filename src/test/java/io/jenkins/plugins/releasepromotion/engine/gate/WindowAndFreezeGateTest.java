package io.jenkins.plugins.releasepromotion.engine.gate;

import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.gates;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.goodPromotion;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.DeployWindow;
import io.jenkins.plugins.releasepromotion.engine.config.Freeze;
import io.jenkins.plugins.releasepromotion.engine.config.LiveVersionMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowAndFreezeGateTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DeployWindow OFFICE_HOURS = new DeployWindow(
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
            LocalTime.of(9, 0),
            LocalTime.of(16, 0),
            BERLIN);
    /** Friday 22:00 to Saturday 02:00, New York time. */
    private static final DeployWindow FRIDAY_NIGHT =
            new DeployWindow(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(2, 0), NEW_YORK);

    @Test
    void insideTheWindowInItsTimeZone() {
        // 08:30 UTC on Tuesday 2026-11-24 is 09:30 in Berlin.
        assertThat(decide(List.of(OFFICE_HOURS), List.of(), "2026-11-24T08:30:00Z", null)
                        .allowed())
                .isTrue();
    }

    @Test
    void outsideTheWindowNamesTheNextOpening() {
        // 15:30 UTC on Tuesday is 16:30 in Berlin: closed; next opening Wednesday 09:00 Berlin.
        GateDecision decision = decide(List.of(OFFICE_HOURS), List.of(), "2026-11-24T15:30:00Z", null);
        assertThat(decision.violation(ViolationCode.OUTSIDE_WINDOW)
                        .orElseThrow()
                        .message())
                .contains("outside the deploy windows of production (Mon/Tue/Wed/Thu 09:00-16:00 Europe/Berlin)")
                .contains("the next opens Wed 2026-11-25 09:00 Europe/Berlin")
                .contains("give an override reason");
    }

    @Test
    void windowAcrossMidnightIsOpenOnBothSides() {
        // Friday 2026-11-27 23:30 New York = Saturday 04:30 UTC.
        assertThat(decide(List.of(FRIDAY_NIGHT), List.of(), "2026-11-28T04:30:00Z", null)
                        .allowed())
                .isTrue();
        // Saturday 01:30 New York = 06:30 UTC: still the Friday window.
        assertThat(decide(List.of(FRIDAY_NIGHT), List.of(), "2026-11-28T06:30:00Z", null)
                        .allowed())
                .isTrue();
        // Saturday 02:30 New York: closed.
        assertThat(decide(List.of(FRIDAY_NIGHT), List.of(), "2026-11-28T07:30:00Z", null)
                        .allowed())
                .isFalse();
        // Friday 21:30 New York: not yet open.
        assertThat(decide(List.of(FRIDAY_NIGHT), List.of(), "2026-11-28T02:30:00Z", null)
                        .allowed())
                .isFalse();
        // Thursday 23:30 New York: the window starts on Fridays only.
        assertThat(decide(List.of(FRIDAY_NIGHT), List.of(), "2026-11-27T04:30:00Z", null)
                        .allowed())
                .isFalse();
    }

    @Test
    void theSameInstantIsInsideOneZoneAndOutsideAnother() {
        DeployWindow tokyo =
                new DeployWindow(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("Asia/Tokyo"));
        DeployWindow utc = new DeployWindow(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("UTC"));
        String instant = "2026-11-24T02:00:00Z"; // 11:00 in Tokyo, 02:00 UTC
        assertThat(decide(List.of(tokyo), List.of(), instant, null).allowed()).isTrue();
        assertThat(decide(List.of(utc), List.of(), instant, null).allowed()).isFalse();
    }

    @Test
    void windowFollowsDaylightSavingTime() {
        DeployWindow berlinMorning = new DeployWindow(Set.of(), LocalTime.of(9, 0), LocalTime.of(10, 0), BERLIN);
        // 07:30 UTC is 09:30 in Berlin in summer (UTC+2) and 08:30 in winter (UTC+1).
        assertThat(decide(List.of(berlinMorning), List.of(), "2026-07-01T07:30:00Z", null)
                        .allowed())
                .isTrue();
        assertThat(decide(List.of(berlinMorning), List.of(), "2026-12-01T07:30:00Z", null)
                        .allowed())
                .isFalse();
    }

    @Test
    void freezeRefusesAndNamesItsEnd() {
        Freeze yearEnd = new Freeze(
                Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2027-01-05T00:00:00Z"), "Year-end freeze");
        GateDecision frozen = decide(List.of(), List.of(yearEnd), "2026-12-24T12:00:00Z", null);
        assertThat(frozen.violation(ViolationCode.IN_FREEZE).orElseThrow().message())
                .isEqualTo("production is frozen until 2027-01-05T00:00:00Z (Year-end freeze); deploy later or give an"
                        + " override reason.");
        assertThat(decide(List.of(), List.of(yearEnd), "2027-01-05T00:00:00Z", null)
                        .allowed())
                .isTrue();
        assertThat(decide(List.of(), List.of(yearEnd), "2026-12-19T23:59:59Z", null)
                        .allowed())
                .isTrue();
    }

    @Test
    void overrideReasonTurnsRefusalsIntoRecordedWarnings() {
        Freeze freeze = new Freeze(Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2027-01-05T00:00:00Z"), null);
        GateDecision decision =
                decide(List.of(OFFICE_HOURS), List.of(freeze), "2026-12-24T20:00:00Z", "payment outage fix");
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.warnings())
                .extracting(GateViolation::code)
                .containsExactly(ViolationCode.IN_FREEZE, ViolationCode.OUTSIDE_WINDOW);
        assertThat(decision.warnings().get(0).message()).contains("going ahead on the override: payment outage fix");
        assertThat(decision.plan().windowOverrideReason()).isEqualTo("payment outage fix");
    }

    private static GateDecision decide(List<DeployWindow> windows, List<Freeze> freezes, String now, String override) {
        var env = production(gates(LiveVersionMode.REQUIRE, List.of(), windows, freezes), null);
        GateFacts good = goodPromotion(env).build();
        GateFacts facts = GateFacts.builder(
                        new PromotionRequest("v1.2.4", "production", null, null, null, override, null, false),
                        env,
                        good.tag(),
                        Instant.parse(now))
                .current(good.current(), false)
                .rollbackTarget(good.rollbackTarget(), true)
                .sourceVerifications(
                        List.of(GateFixtures.passed("v1.2.4", good.tag().commit(), Instant.parse(now))))
                .live(good.live())
                .changelog(good.changelog())
                .build();
        return Gates.evaluate(facts);
    }
}
