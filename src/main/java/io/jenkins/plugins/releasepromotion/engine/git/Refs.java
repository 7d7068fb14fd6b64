package io.jenkins.plugins.releasepromotion.engine.git;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * Finds refs and commits by the names people use. The tag list is read at most once: with thousands of tags, listing
 * them again for every question would dominate the cost of a check.
 */
final class Refs {
    private final Repository repo;
    private List<Ref> tags;

    Refs(Repository repo) {
        this.repo = repo;
    }

    Optional<Ref> tag(String name) throws IOException {
        return Optional.ofNullable(repo.exactRef(Constants.R_TAGS + name));
    }

    List<Ref> tags() throws IOException {
        if (tags == null) {
            tags = List.copyOf(repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS));
        }
        return tags;
    }

    boolean isShallow() throws IOException {
        return !repo.getObjectDatabase().getShallowCommits().isEmpty();
    }

    /**
     * {@code refs/heads/<name>}, then {@code refs/remotes/origin/<name>}, then {@code refs/remotes/<any>/<name>}, as a
     * CI checkout often has the main branch only as a remote-tracking ref. {@code origin/main} names a remote-tracking
     * branch directly, and a full ref name is taken as it is.
     */
    Optional<Ref> branch(String name) throws IOException {
        if (name.startsWith(Constants.R_REFS)) {
            return Optional.ofNullable(repo.exactRef(name));
        }
        Ref ref = repo.getRefDatabase()
                .firstExactRef(
                        Constants.R_HEADS + name,
                        Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + name,
                        Constants.R_REMOTES + name);
        if (ref != null) {
            return Optional.of(ref);
        }
        for (Ref remote : repo.getRefDatabase().getRefsByPrefix(Constants.R_REMOTES)) {
            String rest = remote.getName().substring(Constants.R_REMOTES.length());
            if (rest.endsWith("/" + name) && rest.indexOf('/') == rest.length() - name.length() - 1) {
                return Optional.of(remote);
            }
        }
        return Optional.empty();
    }

    /** Short names of local and remote-tracking branches, for messages. */
    List<String> branchNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, Constants.R_REMOTES)) {
            if (!ref.isSymbolic()) {
                names.add(DisplayText.of(Repository.shortenRefName(ref.getName())));
            }
        }
        return names;
    }

    /** The object a tag, a branch or a SHA names; a tag is peeled to what it finally points at. */
    Optional<ObjectId> revision(String rev) throws IOException {
        Optional<Ref> ref = tag(rev);
        if (ref.isEmpty()) {
            ref = branch(rev);
        }
        if (ref.isPresent()) {
            Ref peeled = repo.getRefDatabase().peel(ref.get());
            return Optional.of(peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId());
        }
        List<ObjectId> commits = commitsBySha(rev);
        if (commits.size() > 1) {
            throw new GitFactsException(
                    GitFactsException.Problem.COMMIT_NOT_FOUND,
                    "abbreviated SHA " + rev + " matches " + commits.size() + " commits; give more digits of the SHA.");
        }
        return commits.stream().findFirst();
    }

    /** The commits a full or abbreviated SHA names: none, one, or several for an ambiguous abbreviation. */
    List<ObjectId> commitsBySha(String sha) throws IOException {
        if (!GitNames.HEX.matcher(sha).matches()) {
            return List.of();
        }
        List<ObjectId> commits = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader()) {
            for (ObjectId id : reader.resolve(AbbreviatedObjectId.fromString(sha.toLowerCase(Locale.ROOT)))) {
                if (reader.has(id) && reader.open(id).getType() == Constants.OBJ_COMMIT) {
                    commits.add(id);
                }
            }
        }
        return commits;
    }

    /** What {@code name} is here; a name git would refuse is simply {@link RefKind#UNKNOWN}. */
    RefKind classify(String name) throws IOException {
        if (!GitNames.isRefName(name)) {
            return RefKind.UNKNOWN;
        }
        if (name.startsWith(Constants.R_REFS)) {
            if (repo.exactRef(name) == null) {
                return RefKind.UNKNOWN;
            }
            if (name.startsWith(Constants.R_TAGS)) {
                return RefKind.TAG;
            }
            return name.startsWith(Constants.R_HEADS) || name.startsWith(Constants.R_REMOTES)
                    ? RefKind.BRANCH
                    : RefKind.UNKNOWN;
        }
        if (tag(name).isPresent()) {
            return RefKind.TAG;
        }
        if (branch(name).isPresent()) {
            return RefKind.BRANCH;
        }
        return commitsBySha(name).isEmpty() ? RefKind.UNKNOWN : RefKind.COMMIT;
    }
}
