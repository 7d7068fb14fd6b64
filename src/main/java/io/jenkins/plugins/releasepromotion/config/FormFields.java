package io.jenkins.plugins.releasepromotion.config;

import hudson.BulkChange;
import java.util.List;

/** The fields the global configuration's form sets, to put back as they were when the form is refused. */
record FormFields(
        String tagPattern,
        String mainBranch,
        String changelog,
        String ledgerDirectory,
        String ledgerUrl,
        String ledgerCredentialsId,
        String ledgerKeyCredentialsId,
        List<Environment> environments) {

    static FormFields of(ReleasePromotionConfiguration c) {
        return new FormFields(
                c.getTagPattern(),
                c.getMainBranch(),
                c.getChangelog(),
                c.getLedgerDirectory(),
                c.getLedgerUrl(),
                c.getLedgerCredentialsId(),
                c.getLedgerKeyCredentialsId(),
                c.getEnvironments());
    }

    /** Sets them back through the setters, inside a change that is never committed: nothing is written. */
    void restore(ReleasePromotionConfiguration c) {
        try (BulkChange unsaved = new BulkChange(c)) {
            c.setTagPattern(tagPattern);
            c.setMainBranch(mainBranch);
            c.setChangelog(changelog);
            c.setLedgerDirectory(ledgerDirectory);
            c.setLedgerUrl(ledgerUrl);
            c.setLedgerCredentialsId(ledgerCredentialsId);
            c.setLedgerKeyCredentialsId(ledgerKeyCredentialsId);
            c.setEnvironments(environments);
        }
    }
}
