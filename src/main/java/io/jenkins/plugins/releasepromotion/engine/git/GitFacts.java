package io.jenkins.plugins.releasepromotion.engine.git;

import static io.jenkins.plugins.releasepromotion.engine.git.GitReads.read;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The facts the gates need from a local repository, such as a Jenkins workspace: tags, branches, ancestry, changed
 * paths and files at a release. One instance keeps one open repository and its tag list; it is not thread-safe.
 *
 * <p>Every failure is a {@link GitFactsException} with one line that says what to do, most often how to fetch what a
 * shallow or tag-less CI checkout lacks.
 */
public final class GitFacts implements GitReader, AutoCloseable {
    private final RepositoryOpener.Lease lease;
    private final Repository repo;
    private final TagPattern pattern;
    private final Refs refs;
    private List<ReleaseTag> releaseTags;

    private GitFacts(RepositoryOpener.Lease lease, TagPattern pattern) {
        this.lease = lease;
        this.repo = lease.repository();
        this.pattern = pattern;
        this.refs = new Refs(repo);
    }

    /**
     * Opens the repository whose work tree or {@code .git} directory is {@code dir}; parents are not searched. An
     * instance opened a moment ago for the same folder lends its open repository (see {@link RepositoryOpener}).
     */
    public static GitFacts open(Path dir, TagPattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return new GitFacts(RepositoryOpener.open(Objects.requireNonNull(dir, "dir")), pattern);
    }

    /** The tag named {@code name}, annotated or lightweight; a missing tag is an error that says how to fetch it. */
    @Override
    public TagInfo resolveTag(String name) {
        Optional<TagInfo> tag = findTag(name);
        if (tag.isEmpty()) {
            throw read("read tag " + name, () -> FetchAdvice.tagNotFound(name, refs.isShallow(), hasTags()));
        }
        return tag.get();
    }

    @Override
    public Optional<TagInfo> findTag(String name) {
        GitNames.requireRefName("tag", name, "a tag like v1.2.3");
        return read("read tag " + name, () -> {
            Optional<Ref> ref = refs.tag(name);
            if (ref.isEmpty()) {
                return Optional.<TagInfo>empty();
            }
            try (RevWalk walk = new RevWalk(repo)) {
                return Optional.of(TagReader.read(walk, name, ref.get()));
            }
        });
    }

    /** What {@code name} is in this repository; a malformed name is simply {@link RefKind#UNKNOWN}. */
    @Override
    public RefKind classify(String name) {
        return read("look up " + DisplayText.of(name), () -> refs.classify(name));
    }

    /** Every tag the pattern accepts as a release tag, in ascending semantic-version order. */
    public List<ReleaseTag> releaseTags() {
        if (releaseTags == null) {
            List<ReleaseTag> found = new ArrayList<>();
            for (Ref ref : read("list the tags", refs::tags)) {
                String name = Repository.shortenRefName(ref.getName());
                if (pattern.accepts(name)) {
                    found.add(pattern.parse(name));
                }
            }
            found.sort(null);
            releaseTags = List.copyOf(found);
        }
        return releaseTags;
    }

    /** The greatest release tag here that precedes {@code tag}; {@code tag} itself need not exist. */
    public Optional<ReleaseTag> previousReleaseTag(ReleaseTag tag) {
        List<ReleaseTag> tags = releaseTags();
        for (int i = tags.size() - 1; i >= 0; i--) {
            if (tags.get(i).comparePrecedence(tag) < 0) {
                return Optional.of(tags.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * True when {@code commit} (a SHA or a tag) is in the history of {@code branch}, looked up as {@code refs/heads/},
     * then {@code refs/remotes/origin/}, then any remote, or given as a full ref name.
     */
    @Override
    public boolean isReachableFrom(String commit, String branch) {
        GitNames.requireRefName("branch", branch, "a branch like main");
        String action = "tell whether " + DisplayText.of(commit) + " is on " + DisplayText.of(branch);
        return read(action, () -> {
            Optional<Ref> ref = refs.branch(branch);
            if (ref.isEmpty()) {
                throw FetchAdvice.branchNotFound(branch, refs.branchNames());
            }
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit tip = walk.parseCommit(ref.get().getObjectId());
                return new Ancestry(repo).reaches(tip, commit(walk, commit), action);
            }
        });
    }

    /**
     * The commit time (its committer's date) of the commit {@code sha}; empty when the repository does not hold it, or
     * {@code sha} is not a full commit id.
     */
    public Optional<Instant> commitTime(String sha) {
        if (sha == null || !ObjectId.isId(sha)) {
            return Optional.empty();
        }
        ObjectId id = ObjectId.fromString(sha);
        try (RevWalk walk = new RevWalk(repo)) {
            // Asking first is cheap; a missing object would cost an exception each, and old records may name many.
            if (!repo.getObjectDatabase().has(id)) {
                return Optional.empty();
            }
            RevCommit commit = walk.parseCommit(id);
            return Optional.of(commit.getCommitterIdent().getWhenAsInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when {@code commit} is {@code ancestor} or has it in its history. */
    @Override
    public boolean descendsFrom(String commit, String ancestor) {
        String action = "tell whether " + DisplayText.of(commit) + " descends from " + DisplayText.of(ancestor);
        return read(action, () -> {
            try (RevWalk walk = new RevWalk(repo)) {
                return new Ancestry(repo).reaches(commit(walk, commit), commit(walk, ancestor), action);
            }
        });
    }

    /** Paths added, modified or deleted between two tags or commits (both names of a rename), sorted. */
    @Override
    public List<String> changedPaths(String fromRef, String toRef) {
        return read("compare " + DisplayText.of(fromRef) + " with " + DisplayText.of(toRef), () -> {
            try (RevWalk walk = new RevWalk(repo)) {
                return new Trees(repo).changedPaths(commit(walk, fromRef), commit(walk, toRef));
            }
        });
    }

    /** Only the trees on the way to {@code folder} are read; an unusual spelling of it falls back to every path. */
    @Override
    public List<String> changedPathsIn(String fromRef, String toRef, String folder) {
        String prefix = folder == null
                ? ""
                : folder.replace('\\', '/')
                        .replaceFirst("^(\\./)+", "")
                        .replaceFirst("^/+", "")
                        .replaceFirst("/+$", "");
        if (prefix.isEmpty() || !GitNames.isPath(prefix)) {
            return changedPaths(fromRef, toRef);
        }
        return read("compare " + DisplayText.of(fromRef) + " with " + DisplayText.of(toRef), () -> {
            try (RevWalk walk = new RevWalk(repo)) {
                return new Trees(repo).changedPaths(commit(walk, fromRef), commit(walk, toRef), prefix);
            }
        });
    }

    /** True when anything under {@code pathPrefix} (a folder or a file) differs between two tags or commits. */
    public boolean anyChangedUnder(String fromRef, String toRef, String pathPrefix) {
        String prefix = GitNames.requirePath(pathPrefix);
        return read(
                "compare " + DisplayText.of(prefix) + " between " + DisplayText.of(fromRef) + " and "
                        + DisplayText.of(toRef),
                () -> {
                    try (RevWalk walk = new RevWalk(repo)) {
                        return new Trees(repo).anyChangedUnder(commit(walk, fromRef), commit(walk, toRef), prefix);
                    }
                });
    }

    /** The UTF-8 text of a regular file at a tag or commit; empty when there is no such file. */
    @Override
    public Optional<String> fileAt(String ref, String path) {
        String file = GitNames.requirePath(path);
        return read("read " + DisplayText.of(file) + " at " + DisplayText.of(ref), () -> {
            try (RevWalk walk = new RevWalk(repo)) {
                return new Trees(repo).fileAt(commit(walk, ref), file);
            }
        });
    }

    @Override
    public void close() {
        lease.close();
    }

    /** The commit a tag, branch or SHA names; a name that is not here gets the advice that fits this checkout. */
    private RevCommit commit(RevWalk walk, String rev) throws IOException {
        GitNames.requireRefName("revision", rev, "a tag like v1.2.3 or a commit SHA");
        Optional<ObjectId> id = refs.revision(rev);
        if (id.isPresent()) {
            return TagReader.peelToCommit(walk, walk.parseAny(id.get()), rev);
        }
        if (pattern.accepts(rev)) {
            throw FetchAdvice.tagNotFound(rev, refs.isShallow(), hasTags());
        }
        throw FetchAdvice.commitNotFound(rev, refs.isShallow());
    }

    private boolean hasTags() throws IOException {
        return !refs.tags().isEmpty();
    }
}
