package io.jenkins.plugins.releasepromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.TestJenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.access.AccessDeniedException;

/** The global configuration's ledger key: a Secret text credential, checked on the page and used when opened. */
class LedgerKeySettingsTest {
    static final String KEY = "jenkins-key-a2V5IGZvciB0aGUgSmVua2lucyB0ZXN0cw==";
    static final String OLD_KEY = "jenkins-old-key-b2xkIGtleSBmb3IgSmVua2lucyB0ZXN0cw==";

    @TempDir
    File home;

    private TestJenkins jenkins;

    record Text(String id, CredentialsScope scope, String value) implements StringCredentials {
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
        public Secret getSecret() {
            return Secret.fromString(value);
        }

        @Override
        public String toString() {
            return "Text[" + id + "]";
        }
    }

    @BeforeEach
    void install() {
        jenkins = TestJenkins.install(home)
                .grant(Jenkins.ADMINISTER)
                .register(
                        CredentialsProvider.class,
                        new RootCredentialsStore(List.of(
                                new Text("ledger-key", CredentialsScope.SYSTEM, KEY),
                                new Text("rotated-key", CredentialsScope.SYSTEM, KEY + " " + OLD_KEY),
                                new Text("build-key", CredentialsScope.GLOBAL, KEY),
                                new Text("short-key", CredentialsScope.SYSTEM, "too-short"),
                                new SharedLedgerSettingsTest.Login("ledger-login", CredentialsScope.SYSTEM))));
    }

    @AfterEach
    void uninstall() {
        TestJenkins.uninstall();
    }

    private static LedgerRecord verified(String tag) {
        Instant t0 = Instant.parse("2025-01-22T10:30:00Z");
        return LedgerRecord.started(RecordKind.VERIFICATION, "staging", 1, tag, "c-" + tag, "ci", t0)
                .finish(Outcome.SUCCEEDED, t0.plusSeconds(30));
    }

    @Test
    void theConfiguredKeySignsWhatJenkinsWritesAndNeverShowsInIt() throws Exception {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();
        Path directory = new File(home, "ledger").toPath();
        config.setLedgerDirectory(directory.toString());
        config.setLedgerKeyCredentialsId("ledger-key");

        try (ConfiguredLedger ledger = ConfiguredLedger.open(config, null)) {
            ledger.ledger().append(verified("v1.0.0"));
            assertThat(ledger.toString()).doesNotContain(KEY);
        }

        String line = Files.readString(directory.resolve("staging.jsonl"), StandardCharsets.US_ASCII);
        assertThat(line)
                .contains("\"macKey\":\"" + LedgerKeys.parse("k", KEY).ids().get(0) + "\"")
                .doesNotContain(KEY);
        List<String> warnings = new ArrayList<>();
        JsonLinesLedger other = new JsonLinesLedger(directory, warnings::add, LedgerKeys.parse("k", OLD_KEY));
        assertThat(other.attestations("staging", "v1.0.0", "c-v1.0.0"))
                .as("another key does not accept it")
                .isEmpty();
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("has no valid MAC")
                .doesNotContain(KEY);
    }

    @Test
    void withARotatedKeyTheOldKeysRecordsStayEvidence() {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();
        Path directory = new File(home, "ledger").toPath();
        config.setLedgerDirectory(directory.toString());
        new JsonLinesLedger(directory, w -> {}, LedgerKeys.parse("k", OLD_KEY)).append(verified("v1.0.0"));

        config.setLedgerKeyCredentialsId("rotated-key");
        try (ConfiguredLedger ledger = ConfiguredLedger.open(config, null)) {
            assertThat(ledger.ledger().attestations("staging", "v1.0.0", "c-v1.0.0"))
                    .hasSize(1);
        }
        config.setLedgerKeyCredentialsId("ledger-key");
        try (ConfiguredLedger ledger = ConfiguredLedger.open(config, null)) {
            assertThat(ledger.ledger().attestations("staging", "v1.0.0", "c-v1.0.0"))
                    .isEmpty();
        }
    }

    @Test
    void theKeyCheckWarnsOfAKeyBuildsCouldBindAndRefusesAShortOneWithoutShowingIt() {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();

        assertThat(config.doCheckLedgerKeyCredentialsId("ledger-key").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(config.doCheckLedgerKeyCredentialsId("").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation global = config.doCheckLedgerKeyCredentialsId("build-key");
        assertThat(global.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(global.getMessage()).contains("build-key", "sign records", "System-scoped");
        FormValidation shortKey = config.doCheckLedgerKeyCredentialsId("short-key");
        assertThat(shortKey.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(shortKey.getMessage())
                .contains("'short-key'", "fewer than 32")
                .doesNotContain("too-short");
        assertThat(config.doCheckLedgerKeyCredentialsId("ledger-login").getMessage())
                .contains("secret text is needed");
        assertThat(config.doCheckLedgerKeyCredentialsId("gone").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void aShortKeyIsOneLineWhenTheLedgerOpens() {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();
        config.setLedgerDirectory(new File(home, "ledger").getPath());
        config.setLedgerKeyCredentialsId("short-key");

        assertThatThrownBy(() -> ConfiguredLedger.open(config, null))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("the credential 'short-key'")
                .hasMessageNotContaining("too-short");
    }

    @Test
    void theKeyListShowsSecretTextToAdministratorsAndOnlyTheChosenValueToOthers() {
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();

        assertThat(values(config.doFillLedgerKeyCredentialsIdItems("")))
                .contains("ledger-key", "build-key")
                .doesNotContain("ledger-login");
        jenkins.revokeAll();
        assertThat(values(config.doFillLedgerKeyCredentialsIdItems("ledger-key")))
                .containsExactly("ledger-key");
        assertThatThrownBy(() -> config.doCheckLedgerKeyCredentialsId("ledger-key"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theKeyIsAnAttributeConfigurationAsCodeBindsAndExports() throws Exception {
        assertThat(CascShapedBinder.attributes(ReleasePromotionConfiguration.class))
                .contains("ledgerKeyCredentialsId");
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).toList();
    }
}
