package io.jenkins.plugins.releasepromotion.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The top of a git repository, found from any folder in it as git finds it: the nearest folder up with a .git. */
final class RepositoryRoot {
    private RepositoryRoot() {}

    /**
     * @param given {@code --repo}, or {@code null} for the current directory
     * @return the top of the repository around it; the folder itself when no parent holds a {@code .git}
     * @throws IllegalArgumentException when {@code --repo} names no directory
     */
    static Path of(Path given) {
        Path start = (given == null ? Path.of("") : given).toAbsolutePath().normalize();
        if (given != null && !Files.isDirectory(start)) {
            throw new IllegalArgumentException("--repo " + given + ": "
                    + (Files.exists(start) ? "not a directory" : "no such directory")
                    + "; give the folder of a clone of your repository, or leave --repo out inside one");
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return start;
    }
}
