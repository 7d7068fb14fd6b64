package io.jenkins.plugins.releasepromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Descriptor.FormException;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.io.File;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.TestJenkins;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.access.AccessDeniedException;

/** The global configuration's shared ledger: its URL and its login, on the page and when opened. */
class SharedLedgerSettingsTest {
    static final String PASSWORD = "s3cret-ledger-password";

    @TempDir
    File home;

    private TestJenkins jenkins;

    record Login(String id, CredentialsScope scope) implements StandardUsernamePasswordCredentials {
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

        @Override
        public String getUsername() {
            return "ledger";
        }

        @Override
        public Secret getPassword() {
            return Secret.fromString(PASSWORD);
        }
    }

    record Token(String id) implements StandardCredentials {
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
            return CredentialsScope.SYSTEM;
        }
    }

    /**
     * The root store as {@code SystemCredentialsProvider.ProviderImpl.getCredentialsInItemGroup} answers (credentials
     * 1453.v9b_a_29777a_b_fd, the same as 1502's lines 432-441): SYSTEM at the root sees System-scoped credentials too.
     */
    @BeforeEach
    void install() {
        jenkins = TestJenkins.install(home)
                .grant(Jenkins.ADMINISTER)
                .register(
                        CredentialsProvider.class,
                        new RootCredentialsStore(List.of(
                                new Login("ledger-login", CredentialsScope.SYSTEM),
                                new Login("build-login", CredentialsScope.GLOBAL),
                                new Token("api-token"))));
    }

    @AfterEach
    void uninstall() {
        TestJenkins.uninstall();
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).toList();
    }

    @Test
    void theLoginListOffersTheRootsUsernamePasswordCredentialsSystemScopedOnesIncluded() {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();

        assertThat(values(config.doFillLedgerCredentialsIdItems("")))
                .containsExactly("", "ledger-login", "build-login");
    }

    @Test
    void theLoginListShowsOnlyTheChosenValueToANonAdministrator() {
        jenkins.revokeAll();

        assertThat(values(new ReleasePromotionConfiguration().doFillLedgerCredentialsIdItems("ledger-login")))
                .containsExactly("ledger-login");
    }

    @Test
    void theUrlCheckNamesWhatIsWrongInOneLine() {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();

        assertThat(config.doCheckLedgerUrl("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(config.doCheckLedgerUrl("postgresql://db.example.com/releases?sslmode=verify-full").kind)
                .isEqualTo(FormValidation.Kind.OK);
        FormValidation withPassword = config.doCheckLedgerUrl("postgresql://ledger:" + PASSWORD + "@db/releases");
        assertThat(withPassword.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(withPassword.getMessage())
                .contains("holds a password")
                .doesNotContain(PASSWORD)
                .doesNotContain("\n");
        assertThat(config.doCheckLedgerUrl("mysql://db/releases").getMessage())
                .contains("does not start with postgresql://");
    }

    @Test
    void theLoginCheckWarnsOfACredentialBuildsCouldBindAndRefusesOneOfAnotherKind() {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();

        assertThat(config.doCheckLedgerCredentialsId("ledger-login").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation global = config.doCheckLedgerCredentialsId("build-login");
        assertThat(global.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(global.getMessage()).contains("build-login").contains("System-scoped");
        assertThat(config.doCheckLedgerCredentialsId("api-token").getMessage())
                .contains("'api-token'")
                .contains("username with password");
        assertThat(config.doCheckLedgerCredentialsId("gone").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void theLedgerChecksRefuseUsersWhoMayNotAdministerJenkins() {
        jenkins.revokeAll();
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();

        assertThatThrownBy(() -> config.doCheckLedgerUrl("postgresql://db/releases"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> config.doCheckLedgerCredentialsId("ledger-login"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void savingRefusesAUrlWithAPasswordAndKeepsTheOldSettings() throws Exception {
        ReleasePromotionConfigurationFormTest.Recording config = new ReleasePromotionConfigurationFormTest.Recording();
        config.setLedgerUrl("postgresql://db.example.com/releases");

        assertThatThrownBy(() -> config.configure(
                        new FormRequest(c -> c.setLedgerUrl("postgresql://ledger:" + PASSWORD + "@db/releases")),
                        new JSONObject()))
                .isInstanceOf(FormException.class)
                .hasMessageNotContaining(PASSWORD)
                .extracting(e -> ((FormException) e).getFormField())
                .isEqualTo("ledgerUrl");
        assertThat(config.getLedgerUrl()).isEqualTo("postgresql://db.example.com/releases");
    }

    @Test
    void withoutAUrlTheLedgerIsTheFilesOfTheLedgerDirectory() {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();
        config.setLedgerDirectory(new File(home, "ledger").getPath());

        try (ConfiguredLedger ledger = ConfiguredLedger.open(config, null)) {
            assertThat(ledger.isShared()).isFalse();
            assertThat(ledger.ledger()).isInstanceOf(JsonLinesLedger.class);
        }
    }

    @Test
    void aMissingOrWrongKindOfLoginIsOneLineBeforeAnyConnection() {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();
        // Nothing listens on port 1: reaching the lookup's end proves nothing tried to connect first.
        config.setLedgerUrl("postgresql://127.0.0.1:1/releases");

        config.setLedgerCredentialsId("gone");
        assertThatThrownBy(() -> ConfiguredLedger.open(config, null))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("No credentials with ID 'gone' found; add a username with password credential with that ID,"
                        + " or fix the ID in the configuration.");
        config.setLedgerCredentialsId("api-token");
        assertThatThrownBy(() -> ConfiguredLedger.open(config, null))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("but username with password is needed here");
    }
}
