package io.jenkins.plugins.releasepromotion.engine.git;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Compares the trees of two commits and reads files from one, without touching the work tree. */
final class Trees {
    /** Release notes and similar files are small; a larger blob is not what the caller meant to read. */
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    private final Repository repo;

    Trees(Repository repo) {
        this.repo = repo;
    }

    /**
     * Every path that differs, sorted. Without rename detection a rename is a delete plus an add, so both names are
     * listed, which is what a "did anything under migrations/ change" question needs.
     */
    List<String> changedPaths(RevCommit from, RevCommit to) throws IOException {
        List<String> paths = new ArrayList<>();
        try (TreeWalk walk = diffWalk(from, to, TreeFilter.ANY_DIFF)) {
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        paths.sort(null);
        return List.copyOf(paths);
    }

    /** The paths that differ under {@code prefix}, sorted; the other subtrees are skipped whole. */
    List<String> changedPaths(RevCommit from, RevCommit to, String prefix) throws IOException {
        List<String> paths = new ArrayList<>();
        try (TreeWalk walk = diffWalk(from, to, AndTreeFilter.create(PathFilter.create(prefix), TreeFilter.ANY_DIFF))) {
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        paths.sort(null);
        return List.copyOf(paths);
    }

    /** Stops at the first difference under {@code prefix}; unchanged subtrees are skipped whole. */
    boolean anyChangedUnder(RevCommit from, RevCommit to, String prefix) throws IOException {
        try (TreeWalk walk = diffWalk(from, to, AndTreeFilter.create(PathFilter.create(prefix), TreeFilter.ANY_DIFF))) {
            return walk.next();
        }
    }

    Optional<String> fileAt(RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repo, path, commit.getTree())) {
            // A symbolic link's blob is its target's name, not the file's text.
            if (walk == null || !isFile(walk.getFileMode(0))) {
                return Optional.empty();
            }
            byte[] bytes = repo.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(MAX_FILE_BYTES);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (LargeObjectException e) {
            throw new GitFactsException(
                    Problem.UNREADABLE,
                    DisplayText.of(path) + " at commit " + commit.abbreviate(7).name() + " is larger than "
                            + MAX_FILE_BYTES / (1024 * 1024) + " MiB; keep it small or read another file.",
                    e);
        }
    }

    private TreeWalk diffWalk(RevCommit from, RevCommit to, TreeFilter filter) throws IOException {
        TreeWalk walk = new TreeWalk(repo);
        try {
            walk.setRecursive(true);
            walk.setFilter(filter);
            walk.addTree(from.getTree());
            walk.addTree(to.getTree());
            return walk;
        } catch (IOException | RuntimeException e) {
            walk.close();
            throw e;
        }
    }

    private static boolean isFile(FileMode mode) {
        return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
    }
}
