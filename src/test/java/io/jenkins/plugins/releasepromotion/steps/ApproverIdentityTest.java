package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.TestUsers;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class ApproverIdentityTest {
    /** A build identity as Authorize Project gives it: a user who may build the job, not administer Jenkins. */
    static final Authentication BUILDER = new UsernamePasswordAuthenticationToken("builder", "", List.of());

    @TempDir
    Path dir;

    Scenario scenario;

    @BeforeEach
    void setUp() throws Exception {
        scenario = new Scenario(dir);
        scenario.jenkins.grantTo("builder", Jenkins.READ);
        TestUsers.known("alice", "release-managers", "developers");
        scenario.environments.get(1).getGates().setApprovers(List.of("release-managers"));
        scenario.reconfigure();
    }

    @AfterEach
    void tearDown() {
        scenario.close();
    }

    @Test
    void userGetAuthoritiesIsEmptyForAThreadWithoutAdminister() {
        // hudson.model.User#getAuthorities, jenkins-2.541.3 l.985-988: "if (!Jenkins.get().hasPermission(
        // Jenkins.ADMINISTER)) return Collections.emptyList();" The permission is the current thread's
        // (AccessControlled#hasPermission l.68-73, ACL#hasPermission l.132-138), and SYSTEM2 has every one.
        User alice = User.getById("alice", false);
        try (ACLContext ignored = ACL.as2(BUILDER)) {
            assertThat(alice.getAuthorities()).isEmpty();
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            assertThat(alice.getAuthorities()).containsExactly("developers", "release-managers");
        }
    }

    @Test
    void aclAs2SetsTheThreadsIdentityAndCloseRestoresTheOneBefore() {
        // hudson.security.ACL#as2, jenkins-2.541.3 l.477-481, and ACLContext#close l.72-74.
        try (ACLContext outer = ACL.as2(BUILDER)) {
            try (ACLContext inner = ACL.as2(ACL.SYSTEM2)) {
                assertThat(Jenkins.getAuthentication2()).isEqualTo(ACL.SYSTEM2);
            }
            assertThat(Jenkins.getAuthentication2()).isSameAs(BUILDER);
        }
        // Jenkins#getAuthentication2 l.4819-4828: a thread without an identity is anonymous.
        assertThat(Jenkins.getAuthentication2()).isSameAs(Jenkins.ANONYMOUS2);
    }

    @Test
    void theWorkRunsAsTheIdentityOfTheThreadThatStartedTheStep() throws Exception {
        // SynchronousNonBlockingStepExecution#start, workflow-step-api 710.v3e456cc85233 l.43-49: the caller's
        // authentication, read on the CPS VM thread, wraps run() on the pool thread.
        scenario.buildIdentity = BUILDER;
        Object seen = scenario.start(new TestWork(WorkerExecution.STOP_GRACE, run -> Jenkins.getAuthentication2()
                        .getName()))
                .await();

        assertThat(seen).isEqualTo("builder");
    }

    @Test
    void aGroupApproverMatchesWhenTheBuildRunsAsAUserWithoutAdminister() throws Exception {
        scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1)).await();
        scenario.flow.inputSubmittedBy("alice", null);
        scenario.buildIdentity = BUILDER;
        PromoteTagStep step = PromoteTagStepTest.promote("v1.0.0", "production", null);
        step.setApprovedBy("alice");

        Map<?, ?> result = (Map<?, ?>) scenario.start(step).await();

        assertThat(result.get("outcome")).isEqualTo("SUCCEEDED");
    }

    @Test
    void anApproverTheSecurityRealmNoLongerKnowsCountsByIdAloneAndTheLogSaysSo() throws Exception {
        TestUsers.goneFromRealm("alice");
        scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1)).await();
        scenario.flow.inputSubmittedBy("alice", null);
        scenario.buildIdentity = BUILDER;
        PromoteTagStep step = PromoteTagStepTest.promote("v1.0.0", "production", null);
        step.setApprovedBy("alice");

        Scenario.Running running = scenario.start(step);

        assertThatThrownBy(running::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("alice may not approve deployments to production");
        assertThat(running.log())
                .contains("Approver 'alice' is unknown to the security realm: only that ID is compared with the"
                        + " approvers, no groups.");
    }

    @Test
    void anApproverWithoutAJenkinsRecordOrARealmThatCannotAnswerLeavesTheIdAlone() {
        List<String> log = new ArrayList<>();

        assertThat(ApproverIdentities.of("carol", log::add)).containsExactly("carol");
        TestUsers.realmDown(new IllegalStateException("ldap://directory:389 refused the connection"));
        assertThat(ApproverIdentities.of("alice", log::add)).containsExactly("alice");
        assertThat(ApproverIdentities.of(" ", log::add)).isEmpty();

        assertThat(log)
                .containsExactly(
                        "Approver 'carol' is not a Jenkins user: only that ID is compared with the approvers, no"
                                + " groups.",
                        "The groups of approver 'alice' could not be read (IllegalStateException): only that ID is"
                                + " compared with the approvers; check the security realm.");
    }
}
