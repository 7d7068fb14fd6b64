package io.jenkins.plugins.releasepromotion.sample;

import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * What is checked out in the deployment directory: the commit at HEAD, the release tag pointing at it (or the
 * branch, when no tag does) and the migrations in its {@code migrations/} folder.
 *
 * @param branch the tag, as the mission's version endpoint reports it; {@code null} on a detached, untagged HEAD
 * @param migrations migration IDs (file names up to the first {@code _} or {@code .}), in order
 */
record Release(String branch, String commit, List<String> migrations) {
    private static final TagPattern RELEASE_TAGS = TagPattern.defaultPattern();

    Release {
        migrations = List.copyOf(migrations);
    }

    static Release read(Path dir) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder();
        builder.setWorkTree(dir.toFile());
        builder.setMustExist(true);
        try (Repository repository = builder.build()) {
            ObjectId head = repository.resolve(Constants.HEAD + "^{commit}");
            if (head == null) {
                throw new IOException(dir + " has no commit checked out; check a release tag out there first.");
            }
            String branch = tagAt(repository, head).orElse(symbolicBranch(repository));
            return new Release(branch, head.name(), migrations(dir.resolve("migrations")));
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            throw new IOException(dir + " is not a git checkout; clone the repository there and check a tag out.", e);
        }
    }

    /** Of several tags on one commit, the highest release tag; other tags only when no release tag is there. */
    private static Optional<String> tagAt(Repository repository, ObjectId commit) throws IOException {
        List<String> names = new ArrayList<>();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            Ref peeled = repository.getRefDatabase().peel(ref);
            ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId();
            if (commit.equals(target)) {
                names.add(Repository.shortenRefName(ref.getName()));
            }
        }
        Optional<ReleaseTag> release = names.stream()
                .filter(RELEASE_TAGS::accepts)
                .map(RELEASE_TAGS::parse)
                .max(Comparator.naturalOrder());
        return release.map(ReleaseTag::name).or(() -> names.stream().max(Comparator.naturalOrder()));
    }

    private static String symbolicBranch(Repository repository) throws IOException {
        Ref head = repository.exactRef(Constants.HEAD);
        return head != null && head.isSymbolic()
                ? Repository.shortenRefName(head.getTarget().getName())
                : null;
    }

    private static List<String> migrations(Path folder) throws IOException {
        List<String> ids = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    String name = String.valueOf(file.getFileName());
                    ids.add(name.split("[_.]", 2)[0]);
                }
            }
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }
}
