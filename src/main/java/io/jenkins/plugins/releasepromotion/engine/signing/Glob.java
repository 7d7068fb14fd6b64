package io.jenkins.plugins.releasepromotion.engine.signing;

/** OpenSSH's patterns: {@code *} matches any text, {@code ?} one character, everything else itself. */
final class Glob {

    private Glob() {}

    static boolean matches(String pattern, String text) {
        return matches(pattern, 0, text, 0);
    }

    private static boolean matches(String pattern, int p, String text, int t) {
        if (p == pattern.length()) {
            return t == text.length();
        }
        char c = pattern.charAt(p);
        if (c == '*') {
            for (int i = t; i <= text.length(); i++) {
                if (matches(pattern, p + 1, text, i)) {
                    return true;
                }
            }
            return false;
        }
        return t < text.length() && (c == '?' || c == text.charAt(t)) && matches(pattern, p + 1, text, t + 1);
    }
}
