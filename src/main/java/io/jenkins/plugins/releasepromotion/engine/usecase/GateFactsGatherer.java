package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.changelog.Changelog;
import io.jenkins.plugins.releasepromotion.engine.changelog.ChangelogException;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.LiveVersionMode;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Deployed;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.TagFact;
import io.jenkins.plugins.releasepromotion.engine.gate.GateFacts;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.git.GitReader;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Gathers the facts the gates decide on, from the repository, the ledger and the live application. All reading
 * happens here; the gates themselves then decide without touching anything.
 */
public final class GateFactsGatherer {
    private final ReleaseConfig config;
    private final GitReader git;
    private final Ledger ledger;
    private final LiveVersionSource live;
    private final Clock clock;
    private final TagPattern pattern;

    /** @param live reads staging slots' {@code /api/version}; {@code null} leaves the live version unchecked */
    public GateFactsGatherer(ReleaseConfig config, GitReader git, Ledger ledger, LiveVersionSource live, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.git = Objects.requireNonNull(git, "git");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.live = live;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pattern = TagPattern.of(config.tagPattern());
    }

    public GateFacts gather(PromotionRequest request) {
        return gather(request, false);
    }

    /** For a caller that holds the environment's deployment lock: the lock is not looked at again. */
    public GateFacts gatherUnderLock(PromotionRequest request) {
        return gather(request, true);
    }

    private GateFacts gather(PromotionRequest request, boolean lockHeld) {
        EnvironmentConfig env = Targets.environment(config, request.environment());
        Targets.checkSlot(env, request.slot());
        TagFacts tagFacts = new TagFacts(git, pattern);
        TagFact tag = tagFacts.read(request.tag());
        GateFacts.Builder facts = GateFacts.builder(request, env, tag, clock.instant())
                .tagPattern(pattern)
                .mainBranch(config.mainBranch());
        EnvironmentState state = EnvironmentState.read(ledger, env.name(), request.slot());
        facts.current(state.current().map(GateFactsGatherer::deployed).orElse(null), state.dirty());
        if (lockHeld) {
            facts.interrupted(state.interrupted());
        } else {
            lock(facts, env, request.slot(), state);
        }
        Deployed current = state.current().map(GateFactsGatherer::deployed).orElse(null);
        Optional<ReleaseTag> release = tagFacts.release(tag);
        rollbackTarget(
                facts,
                env,
                request.slot(),
                current,
                release.map(ReleaseTag::name).orElse(null));
        if (release.isEmpty()) {
            return facts.build();
        }
        ReleaseTag releaseTag = release.get();
        lineage(facts, env, current, tag.commit());
        staging(facts, env, releaseTag, tag.commit());
        facts.changelog(changelog(releaseTag));
        facts.migrationChanges(migrations(env, current, tag.commit()));
        return facts.build();
    }

    private void lock(GateFacts.Builder facts, EnvironmentConfig env, Integer slot, EnvironmentState state) {
        Optional<String> holder = Locks.peek(ledger, env.name(), slot);
        facts.lockHolder(holder.orElse(null));
        if (holder.isEmpty()) {
            // Started-but-unfinished records belong to a live deployment while the lock is held; only without one
            // are they interrupted.
            facts.interrupted(state.interrupted());
        }
    }

    /** What runs is the way back, unless the tag is what runs; a refused tag still has a plan to show. */
    private void rollbackTarget(
            GateFacts.Builder facts, EnvironmentConfig env, Integer slot, Deployed current, String tag) {
        Optional<LedgerRecord> target = current == null
                ? Optional.empty()
                : current.tag().equals(tag)
                        ? PreviousGood.before(ledger, pattern, env.name(), slot, current.tag())
                        : ledger.current(env.name(), slot);
        facts.rollbackTarget(
                target.map(GateFactsGatherer::deployed).orElse(null),
                target.map(t -> git.findTag(t.tag()).isPresent()).orElse(true));
    }

    private void lineage(GateFacts.Builder facts, EnvironmentConfig env, Deployed current, String commit) {
        Deployed base = downstreamCurrent(env).orElse(current);
        boolean onMain = git.isReachableFrom(commit, config.mainBranch());
        boolean descends = !onMain && base != null && base.commit() != null && git.descendsFrom(commit, base.commit());
        facts.lineage(base, onMain, descends);
    }

    /** For a staging environment: what the environment promoted from it runs, the line hotfixes belong to. */
    private Optional<Deployed> downstreamCurrent(EnvironmentConfig env) {
        return config.environments().stream()
                .filter(other -> env.name().equals(other.gates().promotesFrom()) && !other.hasSlots())
                .findFirst()
                .flatMap(other -> ledger.current(other.name(), null))
                .map(GateFactsGatherer::deployed);
    }

    private void staging(GateFacts.Builder facts, EnvironmentConfig env, ReleaseTag tag, String commit) {
        String source = env.gates().promotesFrom();
        if (source == null) {
            return;
        }
        List<LedgerRecord> verifications = ledger.verifications(source, tag.name());
        facts.sourceVerifications(verifications.stream()
                .map(r -> new Facts.Verification(
                        r.environment(), r.slot(), r.tag(), r.commit(), r.outcome(), r.finishedAt()))
                .toList());
        if (live == null || env.gates().liveVersion() == LiveVersionMode.OFF) {
            facts.live(null);
            return;
        }
        EnvironmentConfig sourceEnv = Targets.environment(config, source);
        facts.live(verifications.stream()
                .filter(r -> r.isSucceeded() && commit.equals(r.commit()))
                .map(LedgerRecord::slot)
                .distinct()
                .map(slot -> live.read(sourceEnv, slot))
                .toList());
    }

    private Facts.Changelog changelog(ReleaseTag tag) {
        try {
            return Facts.Changelog.notes(
                    Changelog.releaseNotes(git.fileAt(tag.name(), config.changelog()), tag.version())
                            .text());
        } catch (ChangelogException e) {
            return Facts.Changelog.problem(e.getMessage());
        }
    }

    private List<String> migrations(EnvironmentConfig env, Deployed current, String commit) {
        if (env.backup() == null || env.backup().migrationsPath() == null || current == null) {
            return null;
        }
        String prefix = env.backup().migrationsPath();
        return git.changedPathsIn(current.commit(), commit, prefix).stream()
                .filter(path -> PathPrefix.isUnder(path, prefix))
                .toList();
    }

    static Deployed deployed(LedgerRecord r) {
        return new Deployed(r.environment(), r.slot(), r.tag(), r.commit(), r.finishedAt());
    }
}
