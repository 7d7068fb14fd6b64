package io.jenkins.plugins.releasepromotion.engine.git;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Opens the repository of a work tree or a {@code .git} directory. Parent folders are deliberately not searched: a
 * workspace nested in some other checkout must not silently answer with that checkout's history.
 */
final class RepositoryOpener {

    private RepositoryOpener() {}

    static Repository open(Path dir) {
        File folder = dir.toFile();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (RepositoryCache.FileKey.isGitRepository(folder, FS.DETECTED)) {
            builder.setGitDir(folder);
        } else {
            // Also follows a ".git" file that points elsewhere, as linked work trees and submodules have.
            builder.setWorkTree(folder);
        }
        try {
            return builder.build();
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            throw new GitFactsException(
                    Problem.NOT_A_REPOSITORY,
                    DisplayText.of(dir.toString()) + " is not a git repository (no .git there); check the repository"
                            + " out into this folder first, or point to the folder that holds .git.",
                    e);
        } catch (IOException e) {
            throw GitReads.unreadable("open the repository at " + DisplayText.of(dir.toString()), e);
        }
    }
}
