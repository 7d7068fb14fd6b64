package io.jenkins.plugins.releasepromotion.engine.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApprovalStatementTest {
    private static final ApprovalStatement STATEMENT = new ApprovalStatement(
            "v1.2.3",
            "3f2c1ab9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8",
            "production",
            null,
            Instant.parse("2026-12-03T10:00:00.750Z"));

    @Test
    void theTextIsFixedLinesEndingInLineFeeds() {
        assertThat(STATEMENT.text())
                .isEqualTo(
                        """
                release-promotion approval 1
                tag: v1.2.3
                commit: 3f2c1ab9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8
                environment: production
                slot: none
                not-after: 2026-12-03T10:00:00Z
                """);
        assertThat(ApprovalStatement.parse(STATEMENT.text())).isEqualTo(STATEMENT);
        ApprovalStatement slotted = new ApprovalStatement("v1.2.3", "abc", "staging", 2, STATEMENT.notAfter());
        assertThat(ApprovalStatement.parse(slotted.text()).slot()).isEqualTo(2);
    }

    @Test
    void refusesAnythingButTheCanonicalForm() {
        assertThatThrownBy(() -> ApprovalStatement.parse(STATEMENT.text().replace("\n", "\r\n")))
                .hasMessageContaining("lines end with a line feed");
        assertThatThrownBy(() -> ApprovalStatement.parse(STATEMENT.text().replace("slot: none\n", "")))
                .hasMessageContaining("is not an approval statement");
        assertThatThrownBy(() ->
                        ApprovalStatement.parse(STATEMENT.text().replace("tag: v1.2.3\ncommit", "commit: x\ntag")))
                .hasMessage("line 2 is not 'tag: …'; the lines are tag, commit, environment, slot and not-after, in"
                        + " that order");
        assertThatThrownBy(() -> ApprovalStatement.parse(STATEMENT.text().replace("10:00:00Z", "10:00:00.000Z")))
                .hasMessageContaining("is not in the canonical form");
        assertThatThrownBy(() -> ApprovalStatement.parse(STATEMENT.text().replace("slot: none", "slot: 0")))
                .hasMessage("slot '0' is not a slot number or 'none'");
    }
}
