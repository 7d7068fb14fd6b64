// releasePipeline: the staging-to-production promotion of one release tag, written as stages over the
// release-promotion steps. The gates, the records and the checks are the steps' work; this file only composes them
// with checkout, lock, input, timeout, node and stage. See releasePipeline.txt for every option.

import groovy.transform.Field

@Field static final String PREFIX = '[release-promotion] '

@Field static final Map DEFAULTS = [
        tag                   : null,
        approvers             : null,
        stagingEnvironment    : 'staging',
        productionEnvironment : 'production',
        stagingSlot           : null,
        stagingSlotPool       : null,
        agent                 : '',
        approvalTimeoutMinutes: 60,
        windowOverrideReason  : null,
        repository            : null,
        credentialsId         : null,
]

@Field static final List CHECKLIST = [
        [name: 'TAG_MATCHES_STAGING', text: 'Tag exists and matches what was tested on staging'],
        [name: 'STAGING_VERIFIED', text: 'Staging verification complete'],
        [name: 'BACKUP_READY', text: 'Database backup created (if needed)'],
        [name: 'WINDOW_SCHEDULED', text: 'Deployment window scheduled (if applicable)'],
        [name: 'ROLLBACK_READY', text: 'Rollback plan ready'],
]

def call(Map config = [:]) {
    Map cfg = settings(config)
    Map run = [tag: cfg.tag, commit: null, stagingSlot: cfg.stagingSlot, outcome: 'GATE_FAILED', approvedBy: null,
               approvers: [], breakGlassReason: null, detail: 'stopped before staging']
    try {
        promote(cfg, run)
    } catch (err) {
        // Every failure ends with the summary line; the failure itself is passed on unchanged.
        echo summary(cfg, run)
        throw err
    }
    echo summary(cfg, run)
    return run
}

/** Defaults merged over the caller's map; every mistake in it ends the build before anything runs. */
Map settings(Map config) {
    if (config == null) {
        error(PREFIX + 'releasePipeline needs a map of options, e.g. releasePipeline(tag: \'v1.2.3\', approvers: \'release-managers\').')
    }
    List unknown = []
    for (Object key in config.keySet()) {
        if (!DEFAULTS.containsKey(key)) {
            unknown << key
        }
    }
    if (unknown) {
        error(PREFIX + "releasePipeline does not know the option(s) ${unknown}; the options are ${new ArrayList(DEFAULTS.keySet())}.")
    }
    Map cfg = DEFAULTS + config
    requireText(cfg, 'tag', 'the annotated release tag to promote, e.g. tag: \'v1.2.3\'')
    requireText(cfg, 'approvers', 'who may approve production, as the environment\'s approvers, e.g. approvers: \'release-managers\'')
    requireText(cfg, 'stagingEnvironment', 'the staging environment\'s name')
    requireText(cfg, 'productionEnvironment', 'the production environment\'s name')
    if (cfg.stagingEnvironment == cfg.productionEnvironment) {
        error(PREFIX + "stagingEnvironment and productionEnvironment are both '${cfg.productionEnvironment}'; name two environments.")
    }
    if (cfg.stagingSlot != null && !(cfg.stagingSlot instanceof Integer && cfg.stagingSlot > 0)) {
        error(PREFIX + "stagingSlot is '${cfg.stagingSlot}'; give a slot number from 1, e.g. stagingSlot: 2.")
    }
    if (cfg.stagingSlotPool != null && !(cfg.stagingSlotPool instanceof String && cfg.stagingSlotPool.trim())) {
        error(PREFIX + 'stagingSlotPool must be the label of the staging slots\' lockable resources, e.g. stagingSlotPool: \'staging-slots\'.')
    }
    if (cfg.stagingSlot != null && cfg.stagingSlotPool != null) {
        error(PREFIX + 'Give stagingSlot or stagingSlotPool, not both: a fixed slot, or a free one from the pool.')
    }
    for (String key in ['repository', 'credentialsId']) {
        if (cfg[key] != null && !(cfg[key] instanceof CharSequence && cfg[key].toString().trim())) {
            error(PREFIX + "${key} is '${cfg[key]}'; give it as text, e.g. repository: 'https://git.example.com/app.git', credentialsId: 'git'.")
        }
    }
    if (cfg.credentialsId && !cfg.repository) {
        error(PREFIX + 'credentialsId goes with repository: give the repository\'s URL too, or neither to check out from the job\'s own repository.')
    }
    if (!(cfg.agent instanceof String)) {
        error(PREFIX + "agent is '${cfg.agent}'; give a node label as text, or '' for any agent.")
    }
    if (!(cfg.approvalTimeoutMinutes instanceof Integer && cfg.approvalTimeoutMinutes > 0)) {
        error(PREFIX + "approvalTimeoutMinutes is '${cfg.approvalTimeoutMinutes}'; give a whole number of minutes from 1, e.g. 60.")
    }
    return cfg
}

void requireText(Map cfg, String key, String meaning) {
    if (!(cfg[key] instanceof CharSequence) || !cfg[key].toString().trim()) {
        error(PREFIX + "releasePipeline needs ${key}: ${meaning}.")
    }
}

void promote(Map cfg, Map run) {
    Map plan = null
    node(cfg.agent) {
        stage('Checkout') {
            checkoutTag(cfg)
        }
        stage('Gates') {
            // A dry run records nothing and fails early: staging must take the tag, and production must take it
            // once staging has verified it (the staged-first rule is the only one a dry run may report now).
            Map staging = promoteTag(tag: cfg.tag, environment: cfg.stagingEnvironment, slot: cfg.stagingSlot, dryRun: true)
            refuseUnlessAllowed(staging, run)
            plan = promoteTag(tag: cfg.tag, environment: cfg.productionEnvironment,
                    windowOverrideReason: cfg.windowOverrideReason, dryRun: true)
            run.commit = staging.commit
            echo PREFIX + "Gates for ${cfg.productionEnvironment}: ${plan.outcome}: ${plan.message}"
        }
    }
    Map staged = stageOnStaging(cfg, run)
    approve(cfg, run, plan, staged)
    promoteToProduction(cfg, run)
}

void checkoutTag(Map cfg) {
    // The gates read tags and history: a full clone with tags, at the tag.
    checkout scmGit(branches: [[name: 'refs/tags/' + cfg.tag]],
            extensions: [cloneOption(noTags: false, shallow: false)],
            userRemoteConfigs: remotes(cfg))
}

/**
 * The repository to check the tag out from. Without the repository option, the job's own: reading it from scm
 * (GitSCM#getUserRemoteConfigs) needs an administrator's script approval when the library is not trusted.
 */
List remotes(Map cfg) {
    if (!cfg.repository) {
        return scm.userRemoteConfigs
    }
    Map remote = [url: cfg.repository]
    if (cfg.credentialsId) {
        remote.credentialsId = cfg.credentialsId
    }
    return [remote]
}

void refuseUnlessAllowed(Map result, Map run) {
    if (result.outcome != 'SUCCEEDED') {
        run.outcome = 'GATE_FAILED'
        run.detail = result.message
        error(PREFIX + "Refused ${result.tag} to ${where(result.environment, result.slot)}: ${result.message}")
    }
}

/** Deploys and verifies on staging; the slot is locked for exactly that, never while waiting for approval. */
Map stageOnStaging(Map cfg, Map run) {
    Map staged = null
    stage('Staging') {
        if (cfg.stagingSlotPool) {
            lock(label: cfg.stagingSlotPool, quantity: 1, variable: 'RELEASE_PROMOTION_SLOT') {
                // Resources of a pool are named <anything>-<slot number>, e.g. staging-slot-2.
                String resource = env.RELEASE_PROMOTION_SLOT
                String number = resource.tokenize('-').last()
                if (!number.matches('[1-9][0-9]{0,8}')) {
                    error("releasePipeline: the lockable resource '${resource}' of pool '${cfg.stagingSlotPool}' " +
                        'does not end in -<slot number>; name the resources of the pool e.g. staging-slot-1, ' +
                        'staging-slot-2 (docs/shared-library.md, "Lockable resources").')
                }
                run.stagingSlot = Integer.parseInt(number)
                staged = deployAndVerify(cfg, run)
            }
        } else {
            lock(resource: lockName(cfg.stagingEnvironment, cfg.stagingSlot)) {
                staged = deployAndVerify(cfg, run)
            }
        }
    }
    return staged
}

Map deployAndVerify(Map cfg, Map run) {
    Map staged = null
    node(cfg.agent) {
        checkoutTag(cfg)
        run.outcome = 'DEPLOY_FAILED'
        run.detail = "deploying to ${where(cfg.stagingEnvironment, run.stagingSlot)}"
        Map deployed = promoteTag(tag: cfg.tag, environment: cfg.stagingEnvironment, slot: run.stagingSlot, verify: false)
        run.commit = deployed.commit
        run.outcome = 'VERIFY_FAILED'
        run.detail = "verifying on ${where(cfg.stagingEnvironment, run.stagingSlot)}"
        staged = verifyDeployment(environment: cfg.stagingEnvironment, slot: run.stagingSlot, tag: cfg.tag)
        staged.releaseNotes = deployed.releaseNotes
        staged.previousTag = deployed.previousTag
    }
    return staged
}

/**
 * The release managers' decision, asked outside any node: no executor and no lock is held while waiting. input is
 * asked until as many distinct approvers as production's gates need (the dry run's approvals) have approved, all
 * within one approval timeout. Each approval is the input step's own record on this run, which promoteTag reads again.
 */
void approve(Map cfg, Map run, Map plan, Map staged) {
    stage('Approval') {
        int needed = plan.approvals ?: 1
        run.approvers = []
        run.outcome = 'REJECTED'
        run.detail = 'waiting for approval'
        long asked = currentBuild.duration
        Map refusal = null
        try {
            timeout(time: cfg.approvalTimeoutMinutes, unit: 'MINUTES') {
                while (refusal == null && run.approvers.size() < needed) {
                    Map answer = input(id: 'ReleasePromotionApproval',
                            message: approvalMessage(cfg, run, plan, staged, needed),
                            ok: "Promote ${cfg.tag} to ${cfg.productionEnvironment}",
                            submitter: cfg.approvers,
                            submitterParameter: 'APPROVER',
                            parameters: approvalParameters(plan, staged))
                    refusal = decide(run, answer)
                }
            }
        } catch (err) {
            // The sandbox hides why input ended; the full timeout spent without an answer is an expiry.
            boolean expired = currentBuild.duration - asked >= cfg.approvalTimeoutMinutes * 60000L
            run.outcome = expired ? 'EXPIRED' : 'REJECTED'
            run.detail = expired ? "no answer within ${cfg.approvalTimeoutMinutes} minutes" +
                    " (${approvedSoFar(run, needed)})" : 'rejected by an approver'
            recordDecision(cfg, run, null)
            throw err
        }
        if (refusal != null) {
            run.outcome = 'REJECTED'
            run.detail = refusal.detail
            recordDecision(cfg, run, refusal.approver)
            error(PREFIX + "Not approved: ${run.detail}${refusal.hint}. Nothing was deployed to ${cfg.productionEnvironment}.")
        }
        run.approvedBy = run.approvers.join(',')
        echo PREFIX + "Approved by ${run.approvers.join(', ')}" + (run.breakGlassReason ? " under break-glass: ${run.breakGlassReason}" : '')
    }
}

String approvedSoFar(Map run, int needed) {
    return "${run.approvers.size()} of ${needed} approved" + (run.approvers ? ": ${run.approvers.join(', ')}" : '')
}

String approvalMessage(Map cfg, Map run, Map plan, Map staged, int needed) {
    return """Promote ${cfg.tag} to ${cfg.productionEnvironment}?
Tag: ${cfg.tag}
Commit: ${run.commit}
Verified on ${where(cfg.stagingEnvironment, run.stagingSlot)}: ${staged.summary}
Gates for ${cfg.productionEnvironment}: ${plan.outcome}: ${plan.message}
Rollback plan for ${cfg.productionEnvironment}: ${plan.previousTag ?: 'none (first deployment)'}
Approvers: ${cfg.approvers}
Approvals: ${approvedSoFar(run, needed)}

Release notes:
${staged.releaseNotes ?: plan.releaseNotes}

Tick every checklist item to approve. If you started this build, give a break-glass reason (it is recorded)."""
}

List approvalParameters(Map plan, Map staged) {
    Map evidence = [
            TAG_MATCHES_STAGING: "${staged.tag} at commit ${staged.commit}, the commit staging verified",
            STAGING_VERIFIED   : staged.summary,
            BACKUP_READY       : 'the production deploy runs the configured backup when migrations changed',
            WINDOW_SCHEDULED   : "gates for production: ${plan.message}",
            ROLLBACK_READY     : "previous good tag: ${plan.previousTag ?: 'none'}",
    ]
    List parameters = []
    for (Map item in CHECKLIST) {
        parameters << booleanParam(name: item.name, defaultValue: false, description: "${item.text}: ${evidence[item.name]}")
    }
    parameters << string(name: 'BREAK_GLASS_REASON', defaultValue: '',
            description: 'Only if you started this build: why you approve it yourself. Recorded.')
    return parameters
}

/**
 * What one approver answered: counted when every checklist item is ticked and they are not the starter (unless
 * break-glass); a second answer by someone already counted is ignored. Returns the refusal, or null.
 */
Map decide(Map run, Map answer) {
    String approver = answer.APPROVER
    List unticked = []
    for (Map item in CHECKLIST) {
        if (answer[item.name] != true) {
            unticked << item.text
        }
    }
    if (unticked) {
        return [approver: approver, detail: "${approver} left unticked: ${unticked.join('; ')}", hint: '']
    }
    String breakGlass = answer.BREAK_GLASS_REASON?.trim() ?: null
    if (approver == startedBy() && !breakGlass) {
        return [approver: approver, detail: "${approver} started this build and may not approve it too",
                hint    : '; ask another approver, or give a break-glass reason (it is recorded)']
    }
    if (run.approvers.contains(approver)) {
        echo PREFIX + "${approver} has already approved; another approver is needed."
        return null
    }
    if (breakGlass) {
        run.breakGlassReason = breakGlass
    }
    run.approvers << approver
    echo PREFIX + "Approved by ${approver}" + (breakGlass ? " under break-glass: ${breakGlass}" : '')
    return null
}

/** The user who started the build, or null when no user did (a timer, an SCM change). */
String startedBy() {
    List causes = currentBuild.getBuildCauses('hudson.model.Cause$UserIdCause')
    return causes ? causes[0].userId : null
}

/**
 * A refusal goes to production's ledger against the tag's commit (promoteTag with approvalDecision deploys nothing).
 * The build ends with the refusal either way: a failure to record it is reported, not put in its place.
 */
void recordDecision(Map cfg, Map run, String decidedBy) {
    currentBuild.description = "${cfg.tag} to ${cfg.productionEnvironment}: ${run.outcome} (${run.detail})"
    try {
        node(cfg.agent) {
            checkoutTag(cfg)
            promoteTag(tag: cfg.tag, environment: cfg.productionEnvironment, approvalDecision: run.outcome,
                    approvedBy: decidedBy, decisionReason: run.detail)
        }
    } catch (recordErr) {
        echo PREFIX + "The ${run.outcome} decision could not be recorded in the ledger of ${cfg.productionEnvironment}: ${recordErr.message}"
    }
}

/**
 * The same tag and commit to production, locked only while deploying and verifying. The dry run under the lock carries
 * everything the promotion will carry (approver, break-glass reason, window override), so it refuses only what the
 * promotion would refuse.
 */
void promoteToProduction(Map cfg, Map run) {
    stage('Production') {
        lock(resource: lockName(cfg.productionEnvironment, null)) {
            node(cfg.agent) {
                checkoutTag(cfg)
                Map gates = promoteTag(tag: cfg.tag, environment: cfg.productionEnvironment, approvedBy: run.approvedBy,
                        breakGlassReason: run.breakGlassReason, windowOverrideReason: cfg.windowOverrideReason, dryRun: true)
                refuseUnlessAllowed(gates, run)
                if (gates.commit != run.commit) {
                    run.detail = "${cfg.tag} is at ${gates.commit} now, not the staged ${run.commit}"
                    error(PREFIX + "Refused ${cfg.tag} to ${cfg.productionEnvironment}: ${run.detail}; promote a new tag instead.")
                }
                deployToProduction(cfg, run)
            }
        }
    }
}

/**
 * promoteTag ends with hudson.AbortException when the promotion ended with a recorded outcome other than SUCCEEDED.
 * Production is rolled back once only when the ledger says a deploy started there and did not succeed (releaseStatus'
 * uncertain): a refusal at the gates deployed nothing, and rolling back then would replace a good release. Anything
 * else (an abort, a lost agent, a restart) cut the promotion off: no second deploy is started against it; the summary
 * says how to check production and roll back by hand.
 */
void deployToProduction(Map cfg, Map run) {
    run.outcome = 'DEPLOY_FAILED'
    run.detail = "deploying, verifying and baking on ${cfg.productionEnvironment}"
    try {
        Map promoted = promoteTag(tag: cfg.tag, environment: cfg.productionEnvironment, approvedBy: run.approvedBy,
                breakGlassReason: run.breakGlassReason, windowOverrideReason: cfg.windowOverrideReason, autoRollback: false)
        run.outcome = promoted.outcome
        run.detail = promoted.verification
    } catch (hudson.AbortException failed) {
        try {
            recoverProduction(cfg, run, failed.message)
        } catch (recoveryErr) {
            // The build ends with the promotion's own failure; the failed check or rollback is reported beside it.
            echo PREFIX + "${cfg.productionEnvironment} could not be checked or rolled back after the failure: " +
                    "${recoveryErr.message}; check releaseStatus and run rollbackTo by hand."
        }
        throw failed
    } catch (err) {
        run.outcome = 'INTERRUPTED'
        run.detail = "the promotion was stopped (${err}); if its deploy had started, what runs on " +
                "${cfg.productionEnvironment} is uncertain: check releaseStatus(environment: '${cfg.productionEnvironment}') " +
                "and run rollbackTo(environment: '${cfg.productionEnvironment}') to go back to the previous good tag"
        throw err
    }
}

void recoverProduction(Map cfg, Map run, String failure) {
    run.detail = failure
    List rows = releaseStatus(environment: cfg.productionEnvironment)
    if (!rows || !rows[0].uncertain) {
        run.outcome = 'GATE_FAILED'
        return
    }
    // The step's one line says which part failed: the deploy, or the verification and bake window after it.
    run.outcome = failure.contains('Verification of') ? 'VERIFY_FAILED' : 'DEPLOY_FAILED'
    Map back = rollbackTo(environment: cfg.productionEnvironment,
            reason: "releasePipeline: ${cfg.tag} failed on ${cfg.productionEnvironment}")
    run.outcome = 'ROLLED_BACK'
    run.detail = "${failure}; rolled back to ${back.tag}"
}

String lockName(String environment, Integer slot) {
    return 'release-promotion/' + where(environment, slot)
}

String where(String environment, Object slot) {
    return slot == null ? environment : "${environment} slot ${slot}"
}

String summary(Map cfg, Map run) {
    String approval = run.approvers ? ", approved by ${run.approvers.join(', ')}" : ''
    if (run.approvers && run.breakGlassReason) {
        approval += " (break-glass: ${run.breakGlassReason})"
    }
    return PREFIX + "releasePipeline: ${cfg.tag} (${run.commit ?: 'commit unknown'}) from " +
            "${where(cfg.stagingEnvironment, run.stagingSlot)} to ${cfg.productionEnvironment}: ${run.outcome}${approval} (${run.detail})"
}
