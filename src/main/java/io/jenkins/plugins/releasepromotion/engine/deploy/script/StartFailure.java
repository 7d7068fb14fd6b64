package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns the operating system's refusal to start a program into one line that names the program (never the whole
 * argv, which may be long or hold a value meant only for the program) and says what to do.
 */
public final class StartFailure {

    private StartFailure() {}

    public static CommandException of(String program, Path directory, IOException cause, Secrets secrets) {
        String head = "Cannot start " + Names.display(program, secrets) + " in "
                + Names.display(directory.toString(), secrets) + ": ";
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (message.contains("error=2,")) {
            return new CommandException(
                    head + "no such file; check the command's first argument (a path relative to the working"
                            + " directory, or a program on the PATH) and, for a script, its #! line.",
                    cause);
        }
        if (message.contains("error=13,")) {
            return new CommandException(
                    head + "permission denied; make it executable (chmod +x) or run it through its interpreter,"
                            + " e.g. [sh, script.sh].",
                    cause);
        }
        if (message.contains("error=8,")) {
            return new CommandException(
                    head + "not a program the system can run; start a script with a #! line such as #!/bin/sh.", cause);
        }
        return new CommandException(
                head + Names.display(reason(message), secrets) + "; check the program and its permissions.", cause);
    }

    public static CommandException missingDirectory(Path directory, Secrets secrets) {
        return new CommandException("Working directory " + Names.display(directory.toString(), secrets)
                + " does not exist; create it, or fix the deploy's workingDirectory.");
    }

    /** The operating system's words, without Java's prefix that repeats the program. */
    private static String reason(String message) {
        int at = message.indexOf("error=");
        return at < 0 ? message : message.substring(at);
    }
}
