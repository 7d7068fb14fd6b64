package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tells, for each character of a shell command, whether it stands in plain code, where a {@link ShellQuote quoted}
 * word is read as one word, or somewhere the shell reads quotes its own way. It errs on the side of "not plain": a
 * construct it does not follow (a here-document) makes the rest of the command "not plain".
 */
final class ShellScanner {
    private enum Kind {
        CODE,
        SUBSTITUTION,
        SINGLE,
        ANSI,
        DOUBLE,
        BACKQUOTE,
        ARITHMETIC,
        PARAMETER
    }

    /** One nesting level; {@code depth} counts the parentheses or braces opened inside it. */
    private static final class Frame {
        final Kind kind;
        int depth;

        Frame(Kind kind) {
            this.kind = kind;
        }
    }

    private final String text;
    private final String[] where;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private boolean hereDocument;

    private ShellScanner(String text) {
        this.text = text;
        this.where = new String[text.length()];
        stack.push(new Frame(Kind.CODE));
    }

    /** For each character: {@code null} in plain code, else where it stands, e.g. {@code inside '...'}. */
    static String[] contexts(String text) {
        ShellScanner scanner = new ShellScanner(text);
        int i = 0;
        while (i < text.length()) {
            i = scanner.step(i) + 1;
        }
        return scanner.where;
    }

    /** Reads the character at {@code i} (and any it belongs with); returns the index of the last one read. */
    private int step(int i) {
        where[i] = hereDocument ? "after a here-document (<<)" : describe();
        char ch = text.charAt(i);
        Kind kind = stack.element().kind;
        if (ch == '\\' && kind != Kind.SINGLE && i + 1 < text.length()) {
            where[i + 1] = "after a backslash";
            return i + 1;
        }
        return switch (kind) {
            case SINGLE, ANSI -> closeOn(ch == '\'', i);
            case BACKQUOTE -> closeOn(ch == '`', i);
            case DOUBLE -> ch == '"' ? closeOn(true, i) : expansion(i);
            case ARITHMETIC -> nested(i, '(', ')', text.startsWith("))", i) ? 1 : -1);
            case PARAMETER -> ch == '{' || ch == '}' ? nested(i, '{', '}', 0) : code(i);
            case CODE, SUBSTITUTION -> code(i);
        };
    }

    /** Plain code, at top level or inside {@code $(...)}. */
    private int code(int i) {
        char ch = text.charAt(i);
        Frame top = stack.element();
        if (ch == '#' && (i == 0 || " \t\n;&|()".indexOf(text.charAt(i - 1)) >= 0)) {
            int end = text.indexOf('\n', i);
            int last = end < 0 ? text.length() - 1 : end - 1;
            for (int j = i; j <= last; j++) {
                where[j] = "in a comment";
            }
            return last;
        } else if (ch == '\'') {
            stack.push(new Frame(Kind.SINGLE));
        } else if (ch == '"') {
            stack.push(new Frame(Kind.DOUBLE));
        } else if (text.startsWith("<<", i)) {
            hereDocument = true;
        } else if (top.kind == Kind.SUBSTITUTION && (ch == '(' || ch == ')')) {
            return nested(i, '(', ')', 0);
        } else {
            return expansion(i);
        }
        return i;
    }

    /** What opens inside code and inside double quotes alike: backquotes and {@code $(}, {@code $((}, {@code ${}. */
    private int expansion(int i) {
        char ch = text.charAt(i);
        if (ch == '`') {
            stack.push(new Frame(Kind.BACKQUOTE));
            return i;
        }
        if (ch != '$' || i + 1 >= text.length()) {
            return i;
        }
        Kind kind;
        int opener;
        if (text.startsWith("$((", i)) {
            kind = Kind.ARITHMETIC;
            opener = 2;
        } else if (text.startsWith("$(", i)) {
            kind = Kind.SUBSTITUTION;
            opener = 1;
        } else if (text.startsWith("${", i)) {
            kind = Kind.PARAMETER;
            opener = 1;
        } else if (text.startsWith("$'", i) && stack.element().kind != Kind.DOUBLE) {
            kind = Kind.ANSI;
            opener = 1;
        } else {
            return i;
        }
        stack.push(new Frame(kind));
        for (int j = 1; j <= opener; j++) {
            where[i + j] = describe();
        }
        return i + opener;
    }

    /** Counts nested openers; the closer at depth 0 ends the frame (and {@code extra} more characters with it). */
    private int nested(int i, char open, char closer, int extra) {
        Frame top = stack.element();
        char ch = text.charAt(i);
        if (ch == open) {
            top.depth++;
        } else if (ch == closer && top.depth > 0) {
            top.depth--;
        } else if (ch == closer && extra >= 0) {
            stack.pop();
            return i + extra;
        }
        return i;
    }

    private int closeOn(boolean closes, int i) {
        if (closes) {
            stack.pop();
        }
        return i;
    }

    private String describe() {
        for (Frame frame : stack) {
            if (frame.kind == Kind.BACKQUOTE) {
                return "inside `...`";
            }
        }
        return switch (stack.element().kind) {
            case CODE, SUBSTITUTION -> null;
            case SINGLE -> "inside '...'";
            case ANSI -> "inside $'...'";
            case DOUBLE -> "inside \"...\"";
            case BACKQUOTE -> "inside `...`";
            case ARITHMETIC -> "inside $((...))";
            case PARAMETER -> "inside ${...}";
        };
    }
}
