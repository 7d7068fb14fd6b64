package io.jenkins.plugins.releasepromotion.engine.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.changelog.ChangelogException.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ChangelogTest {

    /** A changelog as the mission asks for it: several releases, extra sections, links at the bottom. */
    private static final String CHANGELOG =
            """
            # Changelog

            All notable changes to this project are documented in this file.

            ## [Unreleased]

            ### Added
            - Campaign export

            ## [1.2.4] – 2025-01-24

            ### Fixed
            - Critical bug in the login flow

            ## [1.2.3] - 2025-01-22

            ### Added
            - New feature X
            - Dashboard filters that remember
              the last search

            ### Fixed
            - Bug in Y

            ### Changed
            - Improved Z performance

            ### Migration steps
            1. Run `alembic upgrade head`
            2. Restart the scheduler

            ### Contributors
            - @alice, @bob

            ## [v1.2.2] - 2025-01-10

            ### Security
            - Upgraded the HTTP client

            ## [1.2.1] - 2025-01-05 [YANKED]

            ### Fixed
            - Something that turned out wrong

            [Unreleased]: https://example.com/compare/v1.2.4...HEAD
            [1.2.4]: https://example.com/compare/v1.2.3...v1.2.4
            [1.2.3]: https://example.com/compare/v1.2.2...v1.2.3
            """;

    private final Changelog changelog = Changelog.parse(CHANGELOG);

    @Test
    void readsTheEntryOfAVersionWithItsSectionsInOrder() {
        ReleaseNotes notes = changelog.notesFor("1.2.3");
        assertThat(notes.version()).isEqualTo("1.2.3");
        assertThat(notes.date()).isEqualTo(LocalDate.of(2025, 1, 22));
        assertThat(notes.sections()).containsOnlyKeys("Added", "Fixed", "Changed", "Migration steps", "Contributors");
        assertThat(List.copyOf(notes.sections().keySet()))
                .containsExactly("Added", "Fixed", "Changed", "Migration steps", "Contributors");
        assertThat(notes.section("Added"))
                .containsExactly("New feature X", "Dashboard filters that remember\nthe last search");
        assertThat(notes.section("Migration steps"))
                .containsExactly("Run `alembic upgrade head`", "Restart the scheduler");
        assertThat(notes.section("Removed")).isEmpty();
        assertThat(notes.itemCount()).isEqualTo(7);
    }

    @Test
    void textIsTheBodyAsWrittenAndStopsAtTheNextHeading() {
        String text = changelog.notesFor("1.2.3").text();
        assertThat(text).startsWith("### Added\n- New feature X\n");
        assertThat(text).endsWith("### Contributors\n- @alice, @bob");
        assertThat(text).doesNotContain("1.2.2", "Upgraded the HTTP client", "\n## ");
    }

    @Test
    void linkDefinitionsAtTheBottomAreNotPartOfTheLastEntry() {
        ReleaseNotes notes = changelog.notesFor("1.2.2");
        assertThat(notes.text()).isEqualTo("### Security\n- Upgraded the HTTP client");
        assertThat(changelog.notesFor("1.2.4").text()).doesNotContain("https://");
    }

    @Test
    void acceptsAnEnDashAndAVPrefixEitherSide() {
        assertThat(changelog.notesFor("1.2.4").date()).isEqualTo(LocalDate.of(2025, 1, 24));
        assertThat(changelog.notesFor("v1.2.2").version()).isEqualTo("1.2.2");
        assertThat(changelog.notesFor("1.2.2").section("Security")).containsExactly("Upgraded the HTTP client");
        assertThat(changelog.versions()).containsExactly("Unreleased", "1.2.4", "1.2.3", "1.2.2", "1.2.1");
    }

    @Test
    void readsCrlfLineEndings() {
        Changelog crlf = Changelog.parse(CHANGELOG.replace("\n", "\r\n"));
        ReleaseNotes notes = crlf.notesFor("1.2.3");
        assertThat(notes.section("Fixed")).containsExactly("Bug in Y");
        assertThat(notes.text())
                .doesNotContain("\r")
                .isEqualTo(changelog.notesFor("1.2.3").text());
    }

    @Test
    void aMissingEntrySaysWhatHeadingToAdd() {
        Changelog released = Changelog.parse("## [1.2.2] - 2025-01-10\n### Fixed\n- Bug\n");
        assertProblem(() -> released.notesFor("1.2.3"), Problem.NO_ENTRY)
                .hasMessage("CHANGELOG.md has no entry for 1.2.3; add '## [1.2.3] - YYYY-MM-DD' with the release"
                        + " notes.");
    }

    @Test
    void notesLeftUnderUnreleasedAreNamedAsSuch() {
        assertProblem(() -> changelog.notesFor("1.3.0"), Problem.UNRELEASED_ONLY)
                .hasMessage("CHANGELOG.md has no entry for 1.3.0, only notes under [Unreleased]; move the Unreleased"
                        + " notes under '## [1.3.0] - YYYY-MM-DD'.");
        Changelog emptyUnreleased = Changelog.parse("## [Unreleased]\n\n## [1.2.2] - 2025-01-10\n- Bug\n");
        assertProblem(() -> emptyUnreleased.notesFor("1.3.0"), Problem.NO_ENTRY);
    }

    @Test
    void anEntryWithoutListItemsIsEmpty() {
        Changelog empty = Changelog.parse(
                "## [1.2.3] - 2025-01-22\n\n### Added\n\nSee the wiki.\n\n## [1.2.2] -" + " 2025-01-10\n- Bug\n");
        assertProblem(() -> empty.notesFor("1.2.3"), Problem.EMPTY_ENTRY)
                .hasMessageContaining("entry for 1.2.3 has no list item");
    }

    @Test
    void refusesDatesThatAreMissingMisspelledOrImpossible() {
        assertProblem(() -> Changelog.parse("## [1.2.3] - 22/01/2025\n- X\n").notesFor("1.2.3"), Problem.MALFORMED_DATE)
                .hasMessage("CHANGELOG.md's heading for 1.2.3 has the date '22/01/2025', which is not YYYY-MM-DD;"
                        + " write '## [1.2.3] - YYYY-MM-DD'.");
        assertProblem(() -> Changelog.parse("## [1.2.3] - 2025-02-30\n- X\n").notesFor("1.2.3"), Problem.MALFORMED_DATE)
                .hasMessageContaining("2025-02-30, which does not exist");
        assertProblem(() -> Changelog.parse("## [1.2.3]\n- X\n").notesFor("1.2.3"), Problem.MALFORMED_DATE)
                .hasMessageContaining("has no date");
    }

    @Test
    void aBadDateInAnotherEntryDoesNotMatter() {
        Changelog mixed = Changelog.parse("## [1.2.3] - 2025-01-22\n- X\n## [1.2.2] - Jan 10\n- Y\n");
        assertThat(mixed.notesFor("1.2.3").section(ReleaseNotes.NOTES)).containsExactly("X");
    }

    @Test
    void twoEntriesForOneVersionAreADuplicate() {
        Changelog twice = Changelog.parse("## [1.2.3] - 2025-01-22\n- X\n## [v1.2.3] - 2025-01-23\n- Y\n");
        assertProblem(() -> twice.notesFor("1.2.3"), Problem.DUPLICATE_ENTRY)
                .hasMessageContaining("has 2 entries for 1.2.3");
    }

    @Test
    void aYankedEntryIsNotReleaseNotes() {
        assertProblem(() -> changelog.notesFor("1.2.1"), Problem.YANKED)
                .hasMessageContaining("marks 1.2.1 as [YANKED]");
    }

    @Test
    void aMissingFileIsItsOwnProblem() {
        assertProblem(() -> Changelog.releaseNotes(Optional.empty(), "1.2.3"), Problem.NO_CHANGELOG)
                .hasMessage("the release has no CHANGELOG.md; add one with '## [1.2.3] - YYYY-MM-DD' and the release"
                        + " notes.");
        assertThat(Changelog.releaseNotes(Optional.of(CHANGELOG), "1.2.4").section("Fixed"))
                .containsExactly("Critical bug in the login flow");
    }

    @Test
    void headingsAndItemsInsideCodeBlocksAreText() {
        Changelog fenced = Changelog.parse(
                "## [1.2.3] - 2025-01-22\n### Changed\n- New config:\n\n```yaml\n## [9.9.9] - 2025-01-01\n- not an item\n```\n");
        ReleaseNotes notes = fenced.notesFor("1.2.3");
        assertThat(notes.section("Changed")).containsExactly("New config:");
        assertThat(notes.text()).contains("## [9.9.9] - 2025-01-01");
        assertThat(fenced.versions()).containsExactly("1.2.3");
    }

    @Test
    void messagesShowHostileVersionsEscaped() {
        assertProblem(() -> changelog.notesFor("1.2.3\u001b[2J"), Problem.UNRELEASED_ONLY)
                .hasMessageContaining("1.2.3\\u001b[2J")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }

    @Test
    void sectionsCannotBeChangedByTheReader() {
        ReleaseNotes notes = changelog.notesFor("1.2.3");
        assertThatThrownBy(() -> notes.sections().put("Added", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> notes.section("Added").add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertProblem(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Problem problem) {
        return assertThatThrownBy(call)
                .isInstanceOf(ChangelogException.class)
                .satisfies(e -> assertThat(((ChangelogException) e).problem()).isEqualTo(problem));
    }
}
