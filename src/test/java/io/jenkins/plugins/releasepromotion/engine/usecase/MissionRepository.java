package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The mission's repository on disk: releases v1.2.2 and v1.2.3 on main, v1.3.0 on main with a migration, a
 * lightweight v1.3.1, an annotated v1.4.0 without release notes, and a hotfix branch from v1.2.3 with v1.2.4 and
 * v1.2.5.
 */
final class MissionRepository {
    final TestRepo repo;
    final Map<String, String> commits = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    private MissionRepository(TestRepo repo) {
        this.repo = repo;
    }

    static MissionRepository create(Path dir) throws Exception {
        MissionRepository m = new MissionRepository(TestRepo.init(dir));
        m.repo.write("app/main.py", "print('v1')\n");
        m.release("v1.2.2", "### Added\n- Campaigns page\n");
        m.repo.write("app/main.py", "print('v2')\n");
        m.release("v1.2.3", "### Fixed\n- Login redirect\n");
        m.repo.branchFrom("hotfix/critical-bug-fix", "v1.2.3");
        m.repo.write("app/main.py", "print('v2 hotfix')\n");
        m.release("v1.2.4", "### Fixed\n- Critical bug fix\n");
        m.repo.write("app/main.py", "print('v2 hotfix 2')\n");
        m.release("v1.2.5", "### Fixed\n- Another fix\n");
        m.repo.checkout("main");
        m.notes.keySet().removeIf(v -> v.equals("1.2.4") || v.equals("1.2.5"));
        m.repo.write("migrations/004_add_campaigns.sql", "CREATE TABLE campaigns (id int);\n");
        m.release("v1.3.0", "### Added\n- Campaign scheduling\n\n### Migration steps\n- Run migration 004\n");
        m.repo.write("app/main.py", "print('v3.1')\n");
        m.commits.put("v1.3.1", m.repo.commit("Work after v1.3.0").getName());
        m.repo.lightweightTag("v1.3.1");
        m.repo.write("app/main.py", "print('v4')\n");
        m.commits.put("v1.4.0", m.repo.commit("No release notes").getName());
        m.repo.tag("v1.4.0");
        return m;
    }

    Path dir() {
        return repo.dir();
    }

    String commit(String tag) {
        return commits.get(tag);
    }

    private void release(String tag, String body) throws Exception {
        String version = tag.substring(1);
        notes.put(version, body);
        repo.write("CHANGELOG.md", changelog());
        commits.put(tag, repo.commit("Release " + tag).getName());
        repo.tag(tag, "Release " + tag + ": " + body.lines().reduce((a, b) -> b).orElse(""));
    }

    private String changelog() {
        String entries = notes.entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByKey().reversed())
                .map(e -> "## [" + e.getKey() + "] - 2025-01-22\n\n" + e.getValue())
                .collect(Collectors.joining("\n"));
        return "# Changelog\n\n## [Unreleased]\n\n" + entries;
    }
}
