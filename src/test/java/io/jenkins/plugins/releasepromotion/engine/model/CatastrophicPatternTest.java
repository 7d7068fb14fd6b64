package io.jenkins.plugins.releasepromotion.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A configured tag pattern with a nested quantifier, matched against a tag crafted to make it backtrack, is refused
 * after a bounded number of steps with one line naming the pattern, the tag and the way out; the static check that
 * {@code config validate} runs finds the nesting in the pattern's text.
 */
class CatastrophicPatternTest {
    /** A semantic-version pattern whose pre-release part repeats a group that itself repeats. */
    static final String SEMVER = "^v(?<major>0|[1-9]\\d*)\\.(?<minor>0|[1-9]\\d*)\\.(?<patch>0|[1-9]\\d*)"
            + "(?:-(?<pre>([0-9A-Za-z]+)*))?$";
    /** Forty letters then a character the pattern refuses: about 2^40 ways to split the letters before giving up. */
    static final String CRAFTED = "v1.2.3-" + "a".repeat(40) + "@";

    @Test
    void refusesATagTheConfiguredPatternCannotDecideWithinItsBound() {
        TagPattern pattern = TagPattern.of(SEMVER);

        assertThatThrownBy(() -> pattern.accepts(CRAFTED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "The tagPattern '" + DisplayText.of(SEMVER) + "' took too long on the tag '" + CRAFTED + "'")
                .hasMessageEndingWith("simplify the pattern: no repeated group with a repetition or an alternation"
                        + " inside, such as (\\d+)* or (a|b)*.")
                .hasNoCause();
    }

    @Test
    void theSamePatternStillParsesOrdinaryTags() {
        TagPattern pattern = TagPattern.of(SEMVER);

        assertThat(pattern.parse("v1.2.3-rc1").preRelease()).isEqualTo("rc1");
        assertThat(pattern.accepts("v1.2.3")).isTrue();
        assertThat(pattern.accepts("v1.2.x")).isFalse();
    }

    @Test
    void findsNestedQuantifiersInThePatternText() {
        assertThat(NestedQuantifiers.find(SEMVER)).isEqualTo("([0-9A-Za-z]+)*");
        assertThat(NestedQuantifiers.find("^(a+)+$")).isEqualTo("(a+)+");
        assertThat(NestedQuantifiers.find("^(a*)*$")).isEqualTo("(a*)*");
        assertThat(NestedQuantifiers.find("^(a|a)*$")).isEqualTo("(a|a)*");
        assertThat(NestedQuantifiers.find("^(?:x\\d{1,}y)+$")).isEqualTo("(?:x\\d{1,}y)+");
        assertThat(NestedQuantifiers.find(TagPattern.DEFAULT_REGEX)).isNull();
        assertThat(NestedQuantifiers.find("^v(\\d+)\\.(\\d+)\\.(\\d+)(-[a-z]+)?$"))
                .isNull();
        assertThat(NestedQuantifiers.find("^[(a+)]+$"))
                .as("inside a character class")
                .isNull();
        assertThat(NestedQuantifiers.find("^\\(a+\\)+$"))
                .as("escaped parentheses")
                .isNull();
    }
}
