package io.jenkins.plugins.releasepromotion.engine.git;

import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException.Problem;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Opens the repository of a work tree or a {@code .git} directory. Parent folders are deliberately not searched: a
 * workspace nested in some other checkout must not silently answer with that checkout's history.
 *
 * <p>Opening is what a large repository makes expensive: JGit reads the whole pack index (14 MB at 100,000 commits)
 * and parses the whole {@code packed-refs} file (1 MB at 10,000 tags) before it answers the first question. The
 * questions of one check come in a burst, each from its own {@link GitFacts} (a Jenkins step asks each one in its own
 * call to the agent), so an open repository is shared: it stays open for {@link #KEEP} after its last user closes it
 * and is reused by whoever opens the same folder meanwhile. JGit notices new refs and packs by itself; a repository
 * that was deleted or re-created in the meantime is opened anew.
 *
 * <p>Like git, reads use the repository's commit-graph file (written by {@code git gc} and {@code git commit-graph})
 * unless {@code core.commitGraph} is false or the checkout is shallow: its generation numbers let an ancestry question
 * stop after the commits that matter instead of walking all history.
 */
final class RepositoryOpener {
    /** How long a repository nobody uses stays open, waiting for the next question. */
    static final Duration KEEP = Duration.ofSeconds(5);

    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private RepositoryOpener() {}

    /** The repository at {@code dir}, shared while it is in use; close the lease when done. */
    static Lease open(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        synchronized (OPEN) {
            Shared shared = OPEN.get(key);
            if (shared != null && !shared.identity.equals(identity(key))) {
                OPEN.remove(key);
                shared.stale = true;
                shared.closeIfUnused();
                shared = null;
            }
            if (shared == null) {
                Repository repo = build(dir);
                shared = new Shared(key, repo, identity(key));
                OPEN.put(key, shared);
            }
            shared.users++;
            useCommitGraph(shared.repo);
            return new Lease(shared);
        }
    }

    private static Repository build(Path dir) {
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

    /**
     * What tells a repository re-created in the same folder from the one opened before: the identity and creation
     * time of its {@code .git} (a directory, or the file of a linked work tree), or of the folder given as the git
     * directory.
     */
    private static List<Object> identity(Path dir) {
        Path dotGit = dir.resolve(".git");
        Path marker = Files.exists(dotGit) ? dotGit : dir;
        try {
            BasicFileAttributes attributes = Files.readAttributes(marker, BasicFileAttributes.class);
            return Arrays.asList(
                    marker, attributes.fileKey(), attributes.creationTime(), attributes.lastModifiedTime());
        } catch (IOException e) {
            return List.of(marker, "missing");
        }
    }

    /** Git's default, which JGit does not share: read the commit-graph unless configured off or shallow. */
    private static void useCommitGraph(Repository repo) {
        StoredConfig config = repo.getConfig();
        if (config.getString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_COMMIT_GRAPH) != null) {
            return;
        }
        try {
            if (repo.getObjectDatabase().getShallowCommits().isEmpty()) {
                config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_COMMIT_GRAPH, true);
            }
        } catch (IOException e) {
            // Without the shallow list the graph stays unused; every answer is still right, only slower.
        }
    }

    private static void closeLater(Shared shared) {
        long generation = shared.releases;
        Closer.THREAD.schedule(
                () -> {
                    synchronized (OPEN) {
                        if (shared.users == 0 && shared.releases == generation && OPEN.get(shared.key) == shared) {
                            OPEN.remove(shared.key);
                            shared.repo.close();
                        }
                    }
                },
                KEEP.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The one thread that closes idle repositories, started by the first repository given back. */
    private static final class Closer {
        static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "release-promotion: close idle repositories");
            thread.setDaemon(true);
            return thread;
        });

        private Closer() {}
    }

    /** One open repository and how many {@link GitFacts} use it. Guarded by {@link #OPEN}. */
    private static final class Shared {
        private final Path key;
        private final Repository repo;
        private final List<Object> identity;
        private int users;
        private long releases;
        private boolean stale;

        Shared(Path key, Repository repo, List<Object> identity) {
            this.key = key;
            this.repo = repo;
            this.identity = identity;
        }

        void closeIfUnused() {
            if (users == 0) {
                repo.close();
            }
        }
    }

    /** One user's hold on a shared repository; closing it twice is harmless. */
    static final class Lease implements AutoCloseable {
        private final Shared shared;
        private boolean closed;

        private Lease(Shared shared) {
            this.shared = Objects.requireNonNull(shared);
        }

        Repository repository() {
            return shared.repo;
        }

        @Override
        public void close() {
            synchronized (OPEN) {
                if (closed) {
                    return;
                }
                closed = true;
                shared.users--;
                shared.releases++;
                if (shared.users > 0) {
                    return;
                }
                if (shared.stale) {
                    shared.repo.close();
                } else {
                    closeLater(shared);
                }
            }
        }
    }
}
