package io.jenkins.plugins.releasepromotion.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the sandbox. */
final class DemoFiles {
    private DemoFiles() {}

    /** Makes the folder {@code file} goes in, with the folders above it. */
    static Path parentOf(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IOException(file + " has no folder to go in");
        }
        return Files.createDirectories(parent);
    }
}
