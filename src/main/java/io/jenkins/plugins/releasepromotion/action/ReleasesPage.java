package io.jenkins.plugins.releasepromotion.action;

import hudson.Extension;
import hudson.model.RootAction;
import io.jenkins.plugins.releasepromotion.config.ConfiguredLedger;
import io.jenkins.plugins.releasepromotion.config.ReleasePromotionConfiguration;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresRefusedException;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresUnavailableException;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import io.jenkins.plugins.releasepromotion.engine.usecase.SlotStatus;
import io.jenkins.plugins.releasepromotion.engine.usecase.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * The Releases page of the controller: every environment and slot with what runs there, as the ledger records it,
 * and its recent history (the last records of the ledger only, however long it grows). It reads the ledger only (no request to the environments), so it opens fast. Anyone who
 * may read Jenkins sees it.
 */
@Extension
public final class ReleasesPage implements RootAction {
    static final int HISTORY = 10;

    @Override
    public String getIconFileName() {
        return Jenkins.get().hasPermission(Jenkins.READ) ? "symbol-environment" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ReleasesPage_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "releases";
    }

    /** What the page shows: why there is nothing to show ({@code null} when all is well) and the rows. */
    public record Content(String problem, List<Row> rows) {
        public Content {
            rows = List.copyOf(rows);
        }
    }

    public Content getContent() {
        Jenkins.get().checkPermission(Jenkins.READ);
        ReleasePromotionConfiguration global = ReleasePromotionConfiguration.get();
        ReleaseConfig config;
        try {
            config = global.toReleaseConfig();
        } catch (ConfigException e) {
            return new Content(e.getMessage(), List.of());
        }
        try (ConfiguredLedger ledger = ConfiguredLedger.open(global, null)) {
            return new Content(null, rows(config, ledger.ledger()));
        } catch (IllegalArgumentException
                | CredentialsException
                | PostgresUnavailableException
                | PostgresRefusedException e) {
            return new Content(e.getMessage(), List.of());
        }
    }

    static List<Row> rows(ReleaseConfig config, Ledger ledger) {
        List<SlotStatus> statuses = new Status(config, ledger, null, null).of(null);
        Map<String, RecentHistory> recent = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (SlotStatus status : statuses) {
            RecentHistory history = recent.computeIfAbsent(
                    status.environment(),
                    environment -> RecentHistory.read(ledger, environment, slotsOf(statuses, environment), HISTORY));
            rows.add(new Row(status, history.of(status.slot())));
        }
        return rows;
    }

    private static List<Integer> slotsOf(List<SlotStatus> statuses, String environment) {
        // Stream.toList keeps the null slot of an environment without slots.
        return statuses.stream()
                .filter(s -> s.environment().equals(environment))
                .map(SlotStatus::slot)
                .toList();
    }

    /**
     * The approvers of a record, and a break-glass mark with its reason when the starter counted as one of them;
     * {@code null} when nobody approved.
     */
    public static String approval(LedgerRecord record) {
        if (record.approver() == null) {
            return null;
        }
        return record.breakGlassReason() == null
                ? record.approver()
                : Messages.ReleasesPage_BreakGlass(record.approver(), record.breakGlassReason());
    }

    /** One environment slot: what runs there and its latest records, newest first. */
    public record Row(SlotStatus status, List<LedgerRecord> history) {
        public Row {
            history = List.copyOf(history);
        }

        public String getWhere() {
            return status.slot() == null ? status.environment() : status.environment() + " slot " + status.slot();
        }

        public SlotStatus getStatus() {
            return status;
        }

        public List<LedgerRecord> getHistory() {
            return history;
        }
    }
}
