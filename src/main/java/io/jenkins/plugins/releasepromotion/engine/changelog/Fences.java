package io.jenkins.plugins.releasepromotion.engine.changelog;

/**
 * Tracks fenced code blocks while reading lines in order, so that a {@code ## } or a {@code - } inside an example is
 * not read as a heading or an item.
 */
final class Fences {
    /** The fence character of the open block, or 0 outside one. */
    private char open;

    /** True when {@code line} opens, closes or lies inside a fenced block. */
    boolean skip(String line) {
        String stripped = line.strip();
        char fence = open;
        if (fence != 0) {
            if (stripped.length() >= 3 && stripped.chars().allMatch(ch -> ch == fence)) {
                open = 0;
            }
            return true;
        }
        if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
            open = stripped.charAt(0);
            return true;
        }
        return false;
    }
}
