package io.jenkins.plugins.releasepromotion.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReleaseTagPropertiesTest {

    private static final Pattern STRICT = Pattern.compile(TagPattern.DEFAULT_REGEX);
    private final TagPattern strict = TagPattern.defaultPattern();

    @Property(tries = 5000)
    void noStringOutsideThePatternIsAccepted(@ForAll("nearTags") String candidate) {
        boolean matches = STRICT.matcher(candidate).matches() && candidate.length() <= 255;
        assertThat(strict.accepts(candidate)).isEqualTo(matches);
    }

    @Property(tries = 2000)
    void arbitraryUnicodeIsNeverAcceptedUnlessItMatches(@ForAll String candidate) {
        if (strict.accepts(candidate)) {
            assertThat(STRICT.matcher(candidate).matches()).isTrue();
            assertThat(candidate.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)).isTrue();
        }
    }

    @Property(tries = 3000)
    void orderingAgreesWithSemver(@ForAll("versions") int[] a, @ForAll("versions") int[] b) {
        ReleaseTag x = strict.parse(name(a));
        ReleaseTag y = strict.parse(name(b));
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Integer.signum(semver(a, b)));
    }

    @Property(tries = 2000)
    void orderingIsATotalOrder(@ForAll("versions") int[] a, @ForAll("versions") int[] b, @ForAll("versions") int[] c) {
        ReleaseTag x = strict.parse(name(a));
        ReleaseTag y = strict.parse(name(b));
        ReleaseTag z = strict.parse(name(c));
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(-Integer.signum(y.compareTo(x)));
        assertThat(x.compareTo(y) == 0).isEqualTo(x.equals(y));
        if (x.compareTo(y) <= 0 && y.compareTo(z) <= 0) {
            assertThat(x.compareTo(z)).isLessThanOrEqualTo(0);
        }
    }

    @Property(tries = 1000)
    void hugeNumbersCompareExactly(@ForAll("bigDigits") BigInteger p, @ForAll("bigDigits") BigInteger q) {
        ReleaseTag x = strict.parse("v" + p + ".0.0");
        ReleaseTag y = strict.parse("v" + q + ".0.0");
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(p.compareTo(q));
    }

    @Property(tries = 1000)
    void nextPatchIsPatchPlusOne(@ForAll("versions") int[] a) {
        ReleaseTag x = strict.parse(name(a));
        ReleaseTag next = strict.parse("v" + a[0] + "." + a[1] + "." + (a[2] + 1));
        assertThat(x.isNextPatch(next)).isTrue();
        assertThat(x.bumpTo(next)).isEqualTo(BumpKind.PATCH);
    }

    @Provide
    Arbitrary<String> nearTags() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 30).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(4));
        Arbitrary<String> prefix = Arbitraries.of("v", "V", "", "-v", "vv", "v ", "\u0475", "refs/tags/v");
        Arbitrary<String> sep = Arbitraries.of(".", ".", ".", ",", "..", "");
        Arbitrary<String> suffix =
                Arbitraries.of("", "", "", " ", "\n", "-rc.1", ";id", "$(x)", "\u0000", ".4", "\u200b");
        return Combinators.combine(prefix, number, sep, number, sep, number, suffix)
                .as((p, x, s1, y, s2, z, sf) -> p + x + s1 + y + s2 + z + sf);
    }

    @Provide
    Arbitrary<int[]> versions() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 1_000_000).edgeCases(e -> e.add(0, 9, 10, 99, 100));
        return Combinators.combine(n, n, n).as((x, y, z) -> new int[] {x, y, z});
    }

    @Provide
    Arbitrary<BigInteger> bigDigits() {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(60));
    }

    private static String name(int[] v) {
        return "v" + v[0] + "." + v[1] + "." + v[2];
    }

    private static int semver(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
