package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.RefKind;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commented starter configuration {@code config init} writes for a repository: its main branch, changelog and
 * release tags as found there, a staging environment with slots deployed by a script, and a production environment
 * over SSH. What only its owner knows is left as a blank, {@code "<fill in: ...>"}, that validation refuses until
 * filled in.
 */
final class StarterConfig {
    private static final Pattern BLANK = Pattern.compile("<fill in:[^>]*>");
    private static final List<String> CHANGELOGS =
            List.of("CHANGELOG.md", "Changelog.md", "changelog.md", "CHANGES.md");

    private StarterConfig() {}

    /** The starter configuration for the repository at {@code root}. */
    static String of(Path root) {
        String branch = "main";
        String tags;
        try (GitFacts git = GitFacts.open(root, TagPattern.defaultPattern())) {
            if (git.classify("main") != RefKind.BRANCH && git.classify("master") == RefKind.BRANCH) {
                branch = "master";
            }
            List<ReleaseTag> found = git.releaseTags();
            tags = found.isEmpty()
                    ? "none yet; tag a release with: git tag -a v0.1.0 -m 'v0.1.0'"
                    : found.size() + ", the newest "
                            + found.get(found.size() - 1).name();
        }
        String changelog = CHANGELOGS.stream()
                .filter(name -> Files.isRegularFile(root.resolve(name)))
                .findFirst()
                .orElse(null);
        return text(root.getFileName() == null ? "this repository" : root.getFileName() + "", branch, changelog, tags);
    }

    /** Every blank still to fill in, as {@code line N: <fill in: ...>}. */
    static List<String> blanks(String yaml) {
        List<String> found = new ArrayList<>();
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = BLANK.matcher(line);
            while (m.find()) {
                found.add("line " + (i + 1) + ": " + m.group() + " is still to be filled in");
            }
        }
        return found;
    }

    private static String text(String name, String branch, String changelog, String tags) {
        String changelogLine = changelog != null
                ? "# Release notes: the \"## [X.Y.Z] - YYYY-MM-DD\" section of this file (found).\nchangelog: "
                        + changelog
                : "# Release notes: the \"## [X.Y.Z] - YYYY-MM-DD\" section of this file (none found yet: write one).\n"
                        + "changelog: CHANGELOG.md";
        return """
                # Release Promotion for @NAME@: release tags go from a staging slot to production.
                # Written by 'release-promotion config init'. Fill in every "<fill in: ...>", then check it with:
                #   release-promotion config validate
                # Every field is described in docs/configuration.md; docs/your-app.md walks through a first promotion.

                # Release tags are vMAJOR.MINOR.PATCH (tags found: @TAGS@).
                # Another scheme: tagPattern, a regular expression with the groups major, minor and patch.
                # The branch release tags are cut from (found: @BRANCH@).
                mainBranch: @BRANCH@
                @CHANGELOG@
                environments:
                  # Staging: two slots side by side, each deployed by a script run here, without a shell:
                  # {slot} and {tag} are replaced as whole arguments.
                  - name: staging
                    kind: staging
                    slots: 2
                    # Where a slot answers /api/version and /api/health; {slot} becomes 1 or 2.
                    url: "<fill in: the staging URL with {slot}, e.g. http://127.0.0.1:808{slot}>"
                    deploy:
                      script:
                        command: ["<fill in: your deploy script, e.g. ./deploy-staging.sh>", "{slot}", "{tag}"]
                        timeout: 15m
                    checks:
                      # Health: 2xx on /api/health three times in a row.
                      - {type: health, consecutive: 3, retries: 5, backoff: 1s}
                      # The slot reports the tag and commit that were deployed on /api/version.
                      - {type: version, retries: 3, backoff: 1s}

                  # Production: one host reached over SSH, its host key pinned.
                  - name: production
                    kind: production
                    url: "<fill in: the production URL, e.g. https://app.example.com>"
                    deploy:
                      ssh:
                        host: "<fill in: the production host name>"
                        port: 22
                        user: deploy
                        # The private key comes from RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_KEY_FILE (a file) or
                        # RELEASE_PROMOTION_PRODUCTION_DEPLOY_KEY_KEY, never from this file.
                        credentialsId: production-deploy-key
                        # The host's key as 'ssh-keyscan -t ed25519 HOST' prints it, taken on a trusted network.
                        knownHosts: "<fill in: the line ssh-keyscan prints for the host>"
                        # The project's checkout on the host. Without 'command', a deploy there fetches the tags,
                        # checks the tag out and restarts 'docker compose'; name your own with, e.g.:
                        #   command: ./deploy.sh {tag}
                        directory: "<fill in: the project folder on the host, e.g. /home/deploy/app>"
                    checks:
                      - {type: version, retries: 3, backoff: 1s}
                      - {type: health, consecutive: 3, retries: 5, backoff: 1s}
                    gates:
                      # Only a tag verified on staging, for the same commit, in the last week.
                      promotesFrom: staging
                      maxAttestationAge: 7d
                      # Who may approve: --approved-by or the prompt on the command line, the input step in Jenkins.
                      approvers: ["<fill in: your user name>"]
                """
                .replace("@NAME@", name)
                .replace("@TAGS@", tags)
                .replace("@BRANCH@", branch)
                .replace("@CHANGELOG@", changelogLine);
    }
}
