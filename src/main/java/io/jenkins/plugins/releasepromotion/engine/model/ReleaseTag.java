package io.jenkins.plugins.releasepromotion.engine.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A release tag name that passed {@link TagPattern#parse(String)}: its numeric parts and an optional pre-release.
 *
 * <p>Numbers are kept as digit strings without leading zeros, so a tag can never overflow and ordering stays exact.
 * Ordering is semantic-version precedence; tags of equal precedence are ordered by name so that the order is total
 * and agrees with {@link #equals(Object)}.
 */
public record ReleaseTag(String name, String major, String minor, String patch, String preRelease)
        implements Comparable<ReleaseTag> {

    private static final Comparator<String> NUMERIC =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    public ReleaseTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(minor, "minor");
        Objects.requireNonNull(patch, "patch");
        preRelease = preRelease == null || preRelease.isEmpty() ? null : preRelease;
    }

    /** The version without the tag's prefix, e.g. {@code 1.2.3} for {@code v1.2.3}. */
    public String version() {
        String core = major + "." + minor + "." + patch;
        return preRelease == null ? core : core + "-" + preRelease;
    }

    public boolean isPreRelease() {
        return preRelease != null;
    }

    /** How {@code next} moves on from this tag. */
    public BumpKind bumpTo(ReleaseTag next) {
        if (comparePrecedence(next) >= 0) {
            return comparePrecedence(next) == 0 ? BumpKind.NONE : BumpKind.BACKWARD;
        }
        if (!major.equals(next.major)) {
            return BumpKind.MAJOR;
        }
        if (!minor.equals(next.minor)) {
            return BumpKind.MINOR;
        }
        if (!patch.equals(next.patch)) {
            return BumpKind.PATCH;
        }
        return BumpKind.PRE_RELEASE;
    }

    /** True when {@code next} is exactly the following patch release: same major and minor, patch plus one. */
    public boolean isNextPatch(ReleaseTag next) {
        return major.equals(next.major)
                && minor.equals(next.minor)
                && next.patch.equals(increment(patch))
                && next.preRelease == null;
    }

    /** Semantic-version precedence only (names ignored). */
    public int comparePrecedence(ReleaseTag other) {
        int c = NUMERIC.compare(major, other.major);
        if (c == 0) {
            c = NUMERIC.compare(minor, other.minor);
        }
        if (c == 0) {
            c = NUMERIC.compare(patch, other.patch);
        }
        if (c == 0) {
            c = comparePreRelease(preRelease, other.preRelease);
        }
        return c;
    }

    @Override
    public int compareTo(ReleaseTag other) {
        int c = comparePrecedence(other);
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }

    private static int comparePreRelease(String a, String b) {
        if (Objects.equals(a, b)) {
            return 0;
        }
        if (a == null) {
            return 1;
        }
        if (b == null) {
            return -1;
        }
        String[] left = a.split("\\.", -1);
        String[] right = b.split("\\.", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = compareIdentifier(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean numA = isNumeric(a);
        boolean numB = isNumeric(b);
        if (numA && numB) {
            return NUMERIC.compare(a, b);
        }
        if (numA != numB) {
            return numA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    static String increment(String digits) {
        char[] out = digits.toCharArray();
        for (int i = out.length - 1; i >= 0; i--) {
            if (out[i] != '9') {
                out[i]++;
                return new String(out);
            }
            out[i] = '0';
        }
        return "1" + new String(out);
    }
}
