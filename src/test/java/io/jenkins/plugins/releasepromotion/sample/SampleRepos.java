package io.jenkins.plugins.releasepromotion.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * An origin with the annotated tags v1.0.0 and v1.1.0 (each adding a migration), a clone of it as the deployment
 * directory, and plain HTTP against the app.
 */
final class SampleRepos {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final ObjectId v100;
    final ObjectId v110;

    private SampleRepos(ObjectId v100, ObjectId v110) {
        this.v100 = v100;
        this.v110 = v110;
    }

    static SampleRepos create(Path origin) throws IOException, GitAPIException {
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.write("app.py", "print('v1.0.0')\n").write("migrations/001_create_users.sql", "-- users\n");
            ObjectId first = repo.commit("First release").copy();
            repo.tag("v1.0.0");
            repo.write("app.py", "print('v1.1.0')\n").write("migrations/002_add_campaigns.sql", "-- campaigns\n");
            ObjectId second = repo.commit("Campaigns").copy();
            repo.tag("v1.1.0");
            return new SampleRepos(first, second);
        }
    }

    /** Clones the origin into {@code dir} and checks {@code tag} out, detached, as a deploy does. */
    static void cloneAt(Path origin, Path dir, String tag) throws GitAPIException {
        try (Git git = Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(dir.toFile())
                .call()) {
            git.checkout().setName("refs/tags/" + tag).call();
        }
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
