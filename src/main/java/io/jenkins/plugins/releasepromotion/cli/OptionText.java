package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.model.TerminalText;
import picocli.CommandLine;

/**
 * Every name and reason the command takes (a tag, an environment, {@code --actor}, {@code --approved-by}, a
 * reason) is printed and recorded in the ledger, where others read it: it never holds a control character.
 */
final class OptionText {
    private OptionText() {}

    static String plain(String value) {
        int at = TerminalText.firstUnsafe(value);
        if (at >= 0) {
            throw new CommandLine.TypeConversionException("'" + TerminalText.of(value) + "' holds a control or"
                    + " invisible formatting character (" + TerminalText.of(Character.toString(value.codePointAt(at)))
                    + " at position " + (at + 1) + "), which names and reasons never may; type it without one");
        }
        return value;
    }
}
