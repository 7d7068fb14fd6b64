package io.jenkins.plugins.releasepromotion.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportWeeksTest {
    @Test
    void twelveWeeksWhenTheAddressAsksForNone() {
        assertThat(ReportWeeks.of(null)).isEqualTo(new ReportWeeks(12, null));
        assertThat(ReportWeeks.of(" ")).isEqualTo(new ReportWeeks(12, null));
        assertThat(ReportWeeks.of(null).length()).isEqualTo(Duration.ofDays(84));
    }

    @Test
    void takesAnyNumberOfWeeksFromOneToOneHundredAndFour() {
        assertThat(ReportWeeks.of("1")).isEqualTo(new ReportWeeks(1, null));
        assertThat(ReportWeeks.of(" 26 ")).isEqualTo(new ReportWeeks(26, null));
        assertThat(ReportWeeks.of("104")).isEqualTo(new ReportWeeks(104, null));
        assertThat(ReportWeeks.of("104").length()).isEqualTo(Duration.ofDays(728));
    }

    @Test
    void aValueOutsideTheRuleFallsBackToTwelveAndNamesItInOneLine() {
        for (String bad : new String[] {"0", "105", "-3", "2.5", "abc", "99999999999999999999", "12w"}) {
            ReportWeeks weeks = ReportWeeks.of(bad);
            assertThat(weeks.weeks()).as(bad).isEqualTo(12);
            assertThat(weeks.notice())
                    .as(bad)
                    .isEqualTo("weeks=" + bad + " is not a number of weeks from 1 to 104: the page shows the last 12"
                            + " weeks; give one in that range, e.g. ?weeks=26.");
        }
    }

    @Test
    void aLongValueIsShortenedInTheNotice() {
        String notice = ReportWeeks.of("x".repeat(5_000) + "\nmore").notice();

        assertThat(notice).startsWith("weeks=" + "x".repeat(24) + "… is not").doesNotContain("\n");
        assertThat(notice.length()).isLessThan(200);
        assertThat(ReportWeeks.of("1\n2").notice()).startsWith("weeks=1?2 is not");
    }
}
