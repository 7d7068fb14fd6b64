package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.config.BackupConfig;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import java.util.List;

/** When migrations changed since the running tag, a backup must be configured; it runs before the deploy. */
final class BackupGate implements PromotionGate {

    static boolean required(GateFacts facts) {
        return facts.migrationChanges() != null && !facts.migrationChanges().isEmpty();
    }

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        if (tag == null || !required(facts)) {
            return;
        }
        BackupConfig backup = facts.environment().backup();
        if (backup == null || backup.command().isEmpty()) {
            List<String> changes = facts.migrationChanges();
            String running = facts.current() == null
                    ? "the running tag"
                    : facts.current().tag();
            out.refuse(
                    ViolationCode.BACKUP_NOT_CONFIGURED,
                    "Migrations changed between " + running + " and " + tag
                            + " (" + String.join(", ", changes.subList(0, Math.min(3, changes.size())))
                            + (changes.size() > 3 ? ", ..." : "") + ") but "
                            + facts.environment().name()
                            + " has no backup command; configure backup.command so a backup runs before the deploy.");
        }
    }
}
