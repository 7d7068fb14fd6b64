package io.jenkins.plugins.releasepromotion.engine.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rule a release tag name must follow. Parsing refuses hostile input before the pattern is even consulted:
 * whatever a custom pattern allows, a tag is never empty, longer than {@value #MAX_LENGTH} characters, option-like,
 * or made of anything but printable ASCII without whitespace and shell metacharacters.
 *
 * <p>A pattern names its parts with the groups {@code major}, {@code minor}, {@code patch} and optionally {@code pre},
 * or uses the first three numbered groups for major, minor and patch.
 */
public final class TagPattern {

    public static final String DEFAULT_REGEX = "^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$";
    public static final int MAX_LENGTH = 255;
    private static final TagPattern DEFAULT = new TagPattern(DEFAULT_REGEX);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+/@-]+");
    private static final Pattern DIGITS = Pattern.compile("0|[1-9][0-9]*");

    private final String regex;
    private final Pattern pattern;
    private final boolean named;
    private final boolean hasPre;

    private TagPattern(String regex) {
        this.regex = regex;
        try {
            this.pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "Tag pattern '" + DisplayText.of(regex) + "' is not a valid regular expression: "
                            + e.getDescription() + "; fix the tag pattern in the configuration.",
                    e);
        }
        this.named = regex.contains("(?<major>") && regex.contains("(?<minor>") && regex.contains("(?<patch>");
        this.hasPre = regex.contains("(?<pre>");
        if (!named && pattern.matcher("").groupCount() < 3) {
            throw new IllegalArgumentException("Tag pattern '" + DisplayText.of(regex)
                    + "' must capture major, minor and patch: use the groups (?<major>...), (?<minor>...) and"
                    + " (?<patch>...), or three numbered groups.");
        }
    }

    public static TagPattern defaultPattern() {
        return DEFAULT;
    }

    /** Compiles a configured pattern; {@code null} or blank means the default strict {@code vMAJOR.MINOR.PATCH}. */
    public static TagPattern of(String regex) {
        if (regex == null || regex.isBlank() || regex.equals(DEFAULT_REGEX)) {
            return DEFAULT;
        }
        return new TagPattern(regex);
    }

    public String regex() {
        return regex;
    }

    /**
     * True when {@code candidate} is a release tag under this pattern.
     *
     * @throws IllegalArgumentException when the pattern needs too many steps to decide (see {@link BoundedMatch})
     */
    public boolean accepts(String candidate) {
        return problem(candidate) == null;
    }

    /**
     * Parses a release tag.
     *
     * @throws InvalidTagException with one line naming the value, the rule and the way out
     */
    public ReleaseTag parse(String candidate) {
        String problem = problem(candidate);
        if (problem != null) {
            throw new InvalidTagException(candidate == null ? "(none)" : DisplayText.of(candidate), problem, example());
        }
        Matcher m = matcher(candidate);
        if (!m.matches()) {
            throw new IllegalStateException("pattern changed between checks");
        }
        return new ReleaseTag(
                candidate,
                part(m, "major", 1),
                part(m, "minor", 2),
                part(m, "patch", 3),
                hasPre ? m.group("pre") : null);
    }

    private String part(Matcher m, String name, int index) {
        return normalize(named ? m.group(name) : m.group(index));
    }

    private static String normalize(String digits) {
        return digits.replaceFirst("^0+(?=.)", "");
    }

    /** The reason {@code candidate} is refused, or {@code null} when it is a release tag. */
    private String problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return "a release tag name is required";
        }
        if (candidate.length() > MAX_LENGTH) {
            return "it is " + candidate.length() + " characters long, the limit is " + MAX_LENGTH;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char ch = candidate.charAt(i);
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                return "it contains whitespace";
            }
            if (Character.isISOControl(ch) || Character.getType(ch) == Character.FORMAT) {
                return "it contains a control character";
            }
            if (ch > 0x7e) {
                return "it contains the non-ASCII character " + String.format(Locale.ROOT, "U+%04X", (int) ch)
                        + " (a look-alike is not a release tag)";
            }
        }
        if (candidate.startsWith("-")) {
            return "it starts with '-' and would read as a command-line option";
        }
        if (!SAFE.matcher(candidate).matches()) {
            return "it contains a shell metacharacter";
        }
        Matcher m = matcher(candidate);
        if (!matches(m, candidate)) {
            return "it does not match the release tag pattern " + regex;
        }
        try {
            for (String group : new String[] {"major", "minor", "patch"}) {
                int index = group.equals("major") ? 1 : group.equals("minor") ? 2 : 3;
                String digits = named ? m.group(group) : m.group(index);
                if (digits == null || !DIGITS.matcher(normalize(digits)).matches()) {
                    return "its " + group + " part is not a number";
                }
            }
        } catch (IllegalArgumentException e) {
            return "the release tag pattern " + regex + " does not capture major, minor and patch";
        }
        return null;
    }

    private Matcher matcher(String candidate) {
        return this == DEFAULT ? pattern.matcher(candidate) : BoundedMatch.matcher(pattern, candidate);
    }

    /** Whether the whole tag matches, within the bound: a configured pattern must not hold a thread on a crafted tag. */
    private boolean matches(Matcher m, String candidate) {
        try {
            return m.matches();
        } catch (BoundedMatch.TooSlow e) {
            throw new IllegalArgumentException(
                    "The tagPattern '" + DisplayText.of(regex) + "' took too long on the tag '"
                            + DisplayText.of(candidate) + "' (more than " + BoundedMatch.budget(candidate.length())
                            + " steps); simplify the pattern: no repeated group with a repetition or an alternation inside,"
                            + " such as (\\d+)* or (a|b)*.");
        }
    }

    private String example() {
        return this == DEFAULT ? "a tag like v1.2.3" : "a tag that matches " + regex;
    }

    @Override
    public String toString() {
        return regex;
    }
}
