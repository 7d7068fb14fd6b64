package io.jenkins.plugins.releasepromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.BulkChange;
import hudson.model.Descriptor.FormException;
import java.util.List;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Saving the global configuration page. Core's {@code GlobalConfiguration.configure} (jenkins-2.541.3 lines 67-88)
 * binds the form with {@code req.bindJSON(this, json)}; a {@code Descriptor.FormException} (Descriptor lines
 * 1288-1323) is how a descriptor refuses it, shown to the admin as the page's error. The page's submit runs inside a
 * BulkChange of Jenkins itself, not of this descriptor, so every setter's {@code save()} would write at once.
 */
class ReleasePromotionConfigurationFormTest {

    /**
     * Counts the saves that reach the disk: core's {@code Descriptor.save} (lines 963-971) returns at once while a
     * {@code BulkChange} of the object is open, and writes {@code $JENKINS_HOME/<id>.xml} otherwise.
     */
    static final class Recording extends ReleasePromotionConfiguration {
        int writes;

        @Override
        public synchronized void save() {
            if (!BulkChange.contains(this)) {
                writes++;
            }
        }
    }

    private static Recording configured() throws Exception {
        Recording config = new Recording();
        CascShapedBinder.configure(
                config,
                ConfigurationAsCodeShapeTest.yamlMap(ConfigurationAsCodeShapeTest.mission()),
                "releasePromotion");
        config.writes = 0;
        return config;
    }

    private static Environment staging(int slots) {
        Environment staging = new Environment("staging", new ScriptDeploy(List.of("./deploy.sh", "{tag}")));
        staging.setSlots(slots);
        return staging;
    }

    @Test
    void refusesAConfigurationThatBreaksTheRulesAndKeepsTheOldOne() throws Exception {
        Recording config = configured();
        String before = config.toYaml();

        assertThatThrownBy(() -> config.configure(
                        new FormRequest(c -> {
                            c.setMainBranch("trunk");
                            c.setEnvironments(List.of(staging(300)));
                        }),
                        new JSONObject()))
                .isInstanceOf(FormException.class)
                .hasMessageContaining("Release Promotion global configuration")
                .hasMessageContaining("environments[0].slots: 300 is out of range");

        assertThat(config.writes).isZero();
        assertThat(config.toYaml()).isEqualTo(before);
        assertThat(config.getMainBranch()).isEqualTo("main");
    }

    @Test
    void refusesARelativeLedgerDirectory() throws Exception {
        Recording config = configured();

        assertThatThrownBy(
                        () -> config.configure(new FormRequest(c -> c.setLedgerDirectory("ledger")), new JSONObject()))
                .isInstanceOf(FormException.class)
                .extracting(e -> ((FormException) e).getFormField())
                .isEqualTo("ledgerDirectory");
        assertThat(config.writes).isZero();
        assertThat(config.getLedgerDirectory()).isNull();
    }

    @Test
    void savesAValidConfigurationOnce() throws Exception {
        Recording config = configured();

        assertThat(config.configure(
                        new FormRequest(c -> {
                            c.setMainBranch("trunk");
                            c.setEnvironments(List.of(staging(2)));
                        }),
                        new JSONObject()))
                .isTrue();

        assertThat(config.writes).isEqualTo(1);
        assertThat(config.getMainBranch()).isEqualTo("trunk");
        assertThat(config.toReleaseConfig().environments()).singleElement().satisfies(e -> assertThat(e.slots())
                .isEqualTo(2));
    }

    @Test
    void aFormWithEveryEnvironmentDeletedSavesAnEmptyConfiguration() throws Exception {
        // nothing set up is no error: the page holds every plugin's settings and must save without ours
        Recording config = configured();

        config.configure(new FormRequest(c -> {}), new JSONObject());

        assertThat(config.getEnvironments()).isEmpty();
        assertThat(config.writes).isEqualTo(1);
    }

    @Test
    void anUnconfiguredPageStillRefusesABrokenTagPattern() {
        Recording config = new Recording();

        assertThatThrownBy(() -> config.configure(new FormRequest(c -> c.setTagPattern("v(")), new JSONObject()))
                .isInstanceOf(FormException.class)
                .extracting(e -> ((FormException) e).getFormField())
                .isEqualTo("tagPattern");
        assertThat(config.getTagPattern()).isNull();
        assertThat(config.writes).isZero();
    }
}
