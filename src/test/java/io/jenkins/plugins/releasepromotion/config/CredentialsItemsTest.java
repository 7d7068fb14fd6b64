package io.jenkins.plugins.releasepromotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.io.File;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.TestJenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential drop-downs of the global configuration list what a build can use. */
class CredentialsItemsTest {
    @TempDir
    File home;

    private TestJenkins jenkins;

    record Stored(String id, CredentialsScope scope) implements StandardCredentials {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public CredentialsScope getScope() {
            return scope;
        }
    }

    /**
     * The root credential store, as {@code SystemCredentialsProvider.ProviderImpl.getCredentialsInItemGroup}
     * (credentials 1502.v5c95e620ddfe lines 432-441) answers: to SYSTEM, at the root ({@code Jenkins.get() ==
     * itemGroup}) every credential, SYSTEM-scoped ones included; in any other group only the others; to anyone else
     * nothing. {@code CredentialsScope.SYSTEM} (lines 37-55) is "only available to the object on which the credential
     * is associated": Jenkins itself, never a build.
     */
    @BeforeEach
    void install() {
        jenkins = TestJenkins.install(home)
                .grant(Jenkins.ADMINISTER)
                .register(
                        CredentialsProvider.class,
                        new RootCredentialsStore(List.of(
                                new Stored("deploy-token", CredentialsScope.GLOBAL),
                                new Stored("agent-key", CredentialsScope.SYSTEM))));
    }

    @AfterEach
    void uninstall() {
        TestJenkins.uninstall();
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).toList();
    }

    @Test
    void theRootStoreOffersSystemScopedCredentialsToSystem() {
        assertThat(values(CredentialsProvider.listCredentialsInItemGroup(
                        StandardCredentials.class, jenkins, ACL.SYSTEM2, List.of(), CredentialsMatchers.always())))
                .contains("agent-key", "deploy-token");
    }

    @Test
    void listsOnlyCredentialsABuildCanUse() {
        assertThat(values(CredentialsItems.any(null, ""))).containsExactly("", "deploy-token");
    }

    @Test
    void keepsTheChosenValueEvenWhenABuildCannotUseIt() {
        assertThat(values(CredentialsItems.any(null, "agent-key"))).containsExactly("", "agent-key", "deploy-token");
    }

    @Test
    void showsNothingButTheChosenValueToANonAdministrator() {
        jenkins.revokeAll();

        assertThat(values(CredentialsItems.any(null, "deploy-token"))).containsExactly("deploy-token");
    }
}
