package io.jenkins.plugins.releasepromotion.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The deploy script of the sample app, {@value #NAME}, as the mission's {@code ./scripts/deploy-staging.sh {slot}
 * {tag}} would be: {@code deploy-sample.sh <deployment dir> <tag> [port]} fetches tags, checks the tag out, stops the
 * running app and starts the new one. It finds Java and the app's classes in {@code SAMPLE_JAVA} and
 * {@code SAMPLE_CLASSPATH}; {@link #environment()} gives both for this JVM.
 */
public final class SampleDeployScript {
    public static final String NAME = "deploy-sample.sh";

    private SampleDeployScript() {}

    /** Writes the script into {@code dir}, executable, and returns its path. */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path script = dir.resolve(NAME);
        try (InputStream in = SampleDeployScript.class.getResourceAsStream(NAME)) {
            if (in == null) {
                throw new IOException(NAME + " is missing from the classpath; rebuild the project.");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** {@code SAMPLE_JAVA} and {@code SAMPLE_CLASSPATH}: this JVM's java command and class path. */
    public static Map<String, String> environment() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Map.of("SAMPLE_JAVA", java.toString(), "SAMPLE_CLASSPATH", System.getProperty("java.class.path"));
    }
}
