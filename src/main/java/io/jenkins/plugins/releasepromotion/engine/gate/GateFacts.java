package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Changelog;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Deployed;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Interrupted;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.TagFact;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Verification;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gates need to decide, gathered beforehand. Gates read nothing else, so a decision is a pure function
 * of these values and the dry run costs nothing.
 *
 * @param current what runs on the environment (and slot) now, per the ledger
 * @param currentDirty a later deployment there failed or never finished, so what runs is uncertain
 * @param lineageBase the running tag a hotfix must descend from: the production tag when promoting to the staging
 *     environment production promotes from, otherwise {@code current}
 * @param onMain whether the tag's commit is reachable from the main branch
 * @param descendsFromBase whether the tag's commit descends from the lineage base's commit
 * @param rollbackTarget the tag to go back to if this deploy fails
 * @param sourceVerifications finished verifications of the tag on the environment this one promotes from
 * @param live what the source environment's slots report now; {@code null} when not looked at
 * @param migrationChanges paths under the migrations path changed since the running tag; {@code null} when unknown
 * @param lockHolder who holds the environment's deployment lock; {@code null} when free
 */
public record GateFacts(
        PromotionRequest request,
        EnvironmentConfig environment,
        TagPattern tagPattern,
        String mainBranch,
        TagFact tag,
        Deployed current,
        boolean currentDirty,
        Deployed lineageBase,
        boolean onMain,
        boolean descendsFromBase,
        Deployed rollbackTarget,
        boolean rollbackTargetInRepository,
        List<Verification> sourceVerifications,
        List<LiveVersion> live,
        Changelog changelog,
        List<String> migrationChanges,
        String lockHolder,
        List<Interrupted> interrupted,
        Instant now) {

    public GateFacts {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(now, "now");
        tagPattern = tagPattern == null ? TagPattern.defaultPattern() : tagPattern;
        sourceVerifications = sourceVerifications == null ? List.of() : List.copyOf(sourceVerifications);
        live = live == null ? null : List.copyOf(live);
        migrationChanges = migrationChanges == null ? null : List.copyOf(migrationChanges);
        interrupted = interrupted == null ? List.of() : List.copyOf(interrupted);
        changelog = changelog == null ? Changelog.problem("the changelog was not read") : changelog;
    }

    /** The same facts for another tag (as a dry run of several candidates would ask). */
    public GateFacts withTag(TagFact value) {
        return toBuilder().tag(value).build();
    }

    /** The same facts for another request (an approval given, a dry run). */
    public GateFacts withRequest(PromotionRequest value) {
        return toBuilder().request(value).build();
    }

    /** A builder holding these facts, to change some of them. */
    public Builder toBuilder() {
        return new Builder(request, environment, tag, now)
                .tagPattern(tagPattern)
                .mainBranch(mainBranch)
                .current(current, currentDirty)
                .lineage(lineageBase, onMain, descendsFromBase)
                .rollbackTarget(rollbackTarget, rollbackTargetInRepository)
                .sourceVerifications(sourceVerifications)
                .live(live)
                .changelog(changelog)
                .migrationChanges(migrationChanges)
                .lockHolder(lockHolder)
                .interrupted(interrupted);
    }

    public static Builder builder(PromotionRequest request, EnvironmentConfig environment, TagFact tag, Instant now) {
        return new Builder(request, environment, tag, now);
    }

    /** Builds facts step by step; unset facts mean "nothing known" (no deployment, no evidence, free lock). */
    public static final class Builder {
        private PromotionRequest request;
        private final EnvironmentConfig environment;
        private TagFact tag;
        private final Instant now;
        private TagPattern tagPattern;
        private String mainBranch = "main";
        private Deployed current;
        private boolean currentDirty;
        private Deployed lineageBase;
        private boolean onMain = true;
        private boolean descendsFromBase = true;
        private Deployed rollbackTarget;
        private boolean rollbackTargetInRepository = true;
        private List<Verification> sourceVerifications;
        private List<LiveVersion> live;
        private Changelog changelog = Changelog.notes("");
        private List<String> migrationChanges;
        private String lockHolder;
        private List<Interrupted> interrupted;

        Builder(PromotionRequest request, EnvironmentConfig environment, TagFact tag, Instant now) {
            this.request = request;
            this.environment = environment;
            this.tag = tag;
            this.now = now;
        }

        public Builder request(PromotionRequest value) {
            request = value;
            return this;
        }

        public Builder tag(TagFact value) {
            tag = value;
            return this;
        }

        public Builder tagPattern(TagPattern value) {
            tagPattern = value;
            return this;
        }

        public Builder mainBranch(String value) {
            mainBranch = value;
            return this;
        }

        public Builder current(Deployed value, boolean dirty) {
            current = value;
            currentDirty = dirty;
            if (lineageBase == null) {
                lineageBase = value;
            }
            return this;
        }

        public Builder lineage(Deployed base, boolean tagOnMain, boolean tagDescendsFromBase) {
            lineageBase = base;
            onMain = tagOnMain;
            descendsFromBase = tagDescendsFromBase;
            return this;
        }

        public Builder rollbackTarget(Deployed value, boolean inRepository) {
            rollbackTarget = value;
            rollbackTargetInRepository = inRepository;
            return this;
        }

        public Builder sourceVerifications(List<Verification> value) {
            sourceVerifications = value == null ? null : List.copyOf(value);
            return this;
        }

        public Builder live(List<LiveVersion> value) {
            live = value == null ? null : List.copyOf(value);
            return this;
        }

        public Builder changelog(Changelog value) {
            changelog = value;
            return this;
        }

        public Builder migrationChanges(List<String> value) {
            migrationChanges = value == null ? null : List.copyOf(value);
            return this;
        }

        public Builder lockHolder(String value) {
            lockHolder = value;
            return this;
        }

        public Builder interrupted(List<Interrupted> value) {
            interrupted = value == null ? null : List.copyOf(value);
            return this;
        }

        public GateFacts build() {
            return new GateFacts(
                    request,
                    environment,
                    tagPattern,
                    mainBranch,
                    tag,
                    current,
                    currentDirty,
                    lineageBase,
                    onMain,
                    descendsFromBase,
                    rollbackTarget,
                    rollbackTargetInRepository,
                    sourceVerifications,
                    live,
                    changelog,
                    migrationChanges,
                    lockHolder,
                    interrupted,
                    now);
        }
    }
}
