package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The project checkout on the "server" (local disk, reached over SSH on loopback): a clone of an origin repository
 * with the annotated release tags v1.0.0 and v1.1.0, made with JGit.
 */
record Checkout(Path origin, Path directory, String v100, String v110) {

    static Checkout create(Path work) throws Exception {
        Path origin = work.resolve("origin");
        Path directory = work.resolve("job-search-project");
        String first;
        String second;
        try (TestRepo repo = TestRepo.init(origin)) {
            first = repo.commitFile("app.txt", "version 1.0.0\n").name();
            repo.tag("v1.0.0");
            second = repo.commitFile("app.txt", "version 1.1.0\n").name();
            repo.tag("v1.1.0");
        }
        // The clone starts before the tags exist on it, as a server's checkout lags behind new releases.
        Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(directory.toFile())
                .setNoTags()
                .call()
                .close();
        return new Checkout(origin, directory, first, second);
    }

    /** The commit the checkout's HEAD is on. */
    String head() throws Exception {
        try (Git git = Git.open(directory.toFile())) {
            Repository repository = git.getRepository();
            ObjectId head = repository.resolve(Constants.HEAD);
            return head.name();
        }
    }
}
