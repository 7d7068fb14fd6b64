package io.jenkins.plugins.releasepromotion.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseTagTest {

    private final TagPattern strict = TagPattern.defaultPattern();

    @Test
    void parsesStrictTag() {
        ReleaseTag tag = strict.parse("v1.20.3");
        assertThat(tag.major()).isEqualTo("1");
        assertThat(tag.minor()).isEqualTo("20");
        assertThat(tag.patch()).isEqualTo("3");
        assertThat(tag.version()).isEqualTo("1.20.3");
        assertThat(tag.isPreRelease()).isFalse();
        assertThat(tag).hasToString("v1.20.3");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.3",
                "v1.2",
                "v1.2.3.4",
                "v01.2.3",
                "v1.02.3",
                "v1.2.03",
                "V1.2.3",
                "v1.2.3-rc.1",
                "main",
                "3f2c1ab9d0e4",
                "refs/tags/v1.2.3",
                "v1.2.x"
            })
    void refusesWhatTheStrictPatternRefuses(String candidate) {
        assertThatThrownBy(() -> strict.parse(candidate))
                .isInstanceOf(InvalidTagException.class)
                .hasMessageContaining(candidate)
                .hasMessageContaining("does not match the release tag pattern")
                .hasMessageContaining("use a tag like v1.2.3");
    }

    @Test
    void refusesHostileInputWithOneLine() {
        assertRefused("", "a release tag name is required");
        assertRefused(null, "a release tag name is required");
        assertRefused("v1.2.3 ", "whitespace");
        assertRefused(" v1.2.3", "whitespace");
        assertRefused("v1.2.3\u00a0", "whitespace");
        assertRefused("v1.2.3\n", "whitespace");
        assertRefused("v1.2.3\u0000", "control character");
        assertRefused("v1.2.3\u001b[31m", "control character");
        assertRefused("v1.2.3\u200b", "control character");
        assertRefused("-v1.2.3", "command-line option");
        assertRefused("--upload-pack=touch", "command-line option");
        assertRefused("v1.2.3;rm", "shell metacharacter");
        assertRefused("v1.2.3$(id)", "shell metacharacter");
        assertRefused("v1.2.3`id`", "shell metacharacter");
        assertRefused("v1.2.3|cat", "shell metacharacter");
        assertRefused("v1.2.3&&x", "shell metacharacter");
        assertRefused("v1.2.3>f", "shell metacharacter");
        assertRefused("v1.2.3'", "shell metacharacter");
        assertRefused("v1.2.3*", "shell metacharacter");
        assertRefused("v" + "1".repeat(255) + ".0.0", "the limit is 255");
        assertRefused("\u0475" + "1.2.3", "non-ASCII character U+0475");
        assertRefused("v1.2.\uff13", "non-ASCII character U+FF13");
        assertRefused("v1\u20242.3", "non-ASCII");
    }

    @Test
    void messageNeverCarriesRawControlCharacters() {
        assertThatThrownBy(() -> strict.parse("v1\u001b[2J\r\n.2.3"))
                .hasMessageNotContaining("\u001b")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("\r")
                .hasMessageContaining("\\u001b");
    }

    @Test
    void longValuesAreShortenedInTheMessage() {
        String huge = "x".repeat(10_000);
        assertThatThrownBy(() -> strict.parse(huge))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void ordersBySemanticVersionNotText() {
        List<ReleaseTag> tags = new ArrayList<>();
        for (String name : List.of("v1.10.0", "v1.2.10", "v0.9.9", "v1.2.9", "v2.0.0", "v1.2.3", "v10.0.0")) {
            tags.add(strict.parse(name));
        }
        Collections.shuffle(tags, new java.util.Random(7));
        Collections.sort(tags);
        assertThat(tags)
                .extracting(ReleaseTag::name)
                .containsExactly("v0.9.9", "v1.2.3", "v1.2.9", "v1.2.10", "v1.10.0", "v2.0.0", "v10.0.0");
    }

    @Test
    void namesTheBumpBetweenTwoTags() {
        ReleaseTag base = strict.parse("v1.2.3");
        assertThat(base.bumpTo(strict.parse("v2.0.0"))).isEqualTo(BumpKind.MAJOR);
        assertThat(base.bumpTo(strict.parse("v1.3.0"))).isEqualTo(BumpKind.MINOR);
        assertThat(base.bumpTo(strict.parse("v1.2.4"))).isEqualTo(BumpKind.PATCH);
        assertThat(base.bumpTo(strict.parse("v1.2.3"))).isEqualTo(BumpKind.NONE);
        assertThat(base.bumpTo(strict.parse("v1.2.2"))).isEqualTo(BumpKind.BACKWARD);
        assertThat(base.bumpTo(strict.parse("v0.9.0"))).isEqualTo(BumpKind.BACKWARD);
    }

    @Test
    void knowsTheNextPatch() {
        ReleaseTag base = strict.parse("v1.2.9");
        assertThat(base.isNextPatch(strict.parse("v1.2.10"))).isTrue();
        assertThat(base.isNextPatch(strict.parse("v1.2.11"))).isFalse();
        assertThat(base.isNextPatch(strict.parse("v1.3.0"))).isFalse();
        assertThat(strict.parse("v1.2.99").isNextPatch(strict.parse("v1.2.100")))
                .isTrue();
    }

    @Test
    void customPatternWithPreRelease() {
        TagPattern pattern = TagPattern.of(
                "^release-(?<major>0|[1-9]\\d*)\\.(?<minor>0|[1-9]\\d*)\\.(?<patch>0|[1-9]\\d*)(?:-(?<pre>[0-9A-Za-z.]+))?$");
        ReleaseTag rc1 = pattern.parse("release-1.0.0-rc.1");
        ReleaseTag rc2 = pattern.parse("release-1.0.0-rc.2");
        ReleaseTag rc10 = pattern.parse("release-1.0.0-rc.10");
        ReleaseTag alpha = pattern.parse("release-1.0.0-alpha");
        ReleaseTag fin = pattern.parse("release-1.0.0");
        assertThat(rc1.version()).isEqualTo("1.0.0-rc.1");
        assertThat(List.of(fin, rc10, rc2, alpha, rc1).stream().sorted().toList())
                .containsExactly(alpha, rc1, rc2, rc10, fin);
        assertThat(rc1.bumpTo(rc2)).isEqualTo(BumpKind.PRE_RELEASE);
        assertThat(pattern.accepts("v1.0.0")).isFalse();
    }

    @Test
    void badCustomPatternIsAConfigurationError() {
        assertThatThrownBy(() -> TagPattern.of("v(\\d+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid regular expression");
        assertThatThrownBy(() -> TagPattern.of("^v\\d+$"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must capture major, minor and patch");
    }

    @Test
    void blankPatternMeansTheStrictDefault() {
        assertThat(TagPattern.of(null)).isSameAs(TagPattern.defaultPattern());
        assertThat(TagPattern.of(" ")).isSameAs(TagPattern.defaultPattern());
    }

    private void assertRefused(String candidate, String reason) {
        assertThatThrownBy(() -> strict.parse(candidate))
                .isInstanceOf(InvalidTagException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(strict.accepts(candidate)).isFalse();
    }
}
