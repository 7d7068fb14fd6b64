package io.jenkins.plugins.releasepromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

class ConfigurationAsCodeShapeTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static String mission() throws Exception {
        return Files.readString(Path.of("src/test/resources/config/mission.yaml"), StandardCharsets.UTF_8);
    }

    /** The command line's file, nested under {@code unclassified: releasePromotion:} as Configuration as Code reads it. */
    static String cascDocument(String cliYaml) {
        return "unclassified:\n  releasePromotion:\n"
                + cliYaml.lines()
                        .map(line -> line.isBlank() ? line : "    " + line)
                        .reduce("", (a, b) -> a + b + "\n");
    }

    @SuppressWarnings("unchecked")
    static ReleasePromotionConfiguration loadLikeCasc(String document) throws Exception {
        Map<String, Object> root = YAML.readValue(document, Map.class);
        Map<String, Object> unclassified = (Map<String, Object>) root.get("unclassified");
        String symbol =
                ReleasePromotionConfiguration.class.getAnnotation(Symbol.class).value()[0];
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();
        CascShapedBinder.configure(config, (Map<String, Object>) unclassified.get(symbol));
        return config;
    }

    @Test
    void theMissionDocumentLoadsTheSameThroughTheCommandLineAndThroughConfigurationAsCode() throws Exception {
        String yaml = mission();
        ReleaseConfig fromFile = ConfigLoader.parse(yaml, "mission.yaml");

        ReleasePromotionConfiguration jenkins = loadLikeCasc(cascDocument(yaml));

        assertThat(jenkins.toReleaseConfig()).isEqualTo(fromFile);
        assertThat(jenkins.getEnvironments()).extracting(Environment::getName).containsExactly("staging", "production");
        assertThat(jenkins.getEnvironments().get(1).getDeploy()).isInstanceOf(SshDeploy.class);
    }

    @Test
    void whatJenkinsHoldsReadsBackAsTheSameConfiguration() throws Exception {
        ReleasePromotionConfiguration jenkins = loadLikeCasc(cascDocument(mission()));

        ReleasePromotionConfiguration again = loadLikeCasc(cascDocument(jenkins.toYaml()));

        assertThat(again.toYaml()).isEqualTo(jenkins.toYaml());
        assertThat(again.toReleaseConfig()).isEqualTo(jenkins.toReleaseConfig());
    }

    @Test
    void theSymbolIsReleasePromotionAndTheDeployMethodsAreScriptAndSsh() {
        assertThat(ReleasePromotionConfiguration.class
                        .getAnnotation(Symbol.class)
                        .value())
                .containsExactly("releasePromotion");
        assertThat(ScriptDeploy.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("script");
        assertThat(SshDeploy.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("ssh");
    }

    @Test
    void theEngineJudgesTheJenkinsConfigurationByTheSameRules() throws Exception {
        ReleasePromotionConfiguration jenkins = loadLikeCasc(
                cascDocument(
                        """
                environments:
                  - name: staging
                    slots: 300
                    deploy:
                      script:
                        command: [./deploy.sh, "{tag}"]
                """));

        assertThatThrownBy(jenkins::toReleaseConfig)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Release Promotion global configuration")
                .hasMessageContaining("environments[0].slots: 300 is out of range");
    }

    @Test
    void everyFieldOfTheCommandLineFileIsAnAttributeInJenkins() {
        assertThat(CascShapedBinder.attributes(Environment.class))
                .contains(
                        "name",
                        "kind",
                        "slots",
                        "url",
                        "caFile",
                        "deploy",
                        "checks",
                        "gates",
                        "backup",
                        "maintenance",
                        "bake");
        assertThat(CascShapedBinder.attributes(SshDeploy.class))
                .contains(
                        "host",
                        "port",
                        "user",
                        "credentialsId",
                        "knownHosts",
                        "hostKey",
                        "directory",
                        "composeFiles",
                        "command",
                        "connectTimeout",
                        "commandTimeout");
        assertThat(CascShapedBinder.attributes(Check.class))
                .contains(
                        "type",
                        "name",
                        "mode",
                        "timeout",
                        "retries",
                        "backoff",
                        "path",
                        "consecutive",
                        "requests",
                        "dagId",
                        "airflowUrl",
                        "credentialsId",
                        "auth",
                        "deadline",
                        "conf",
                        "command",
                        "failurePatterns",
                        "ignorePatterns",
                        "jsonPointer",
                        "expected");
        assertThat(CascShapedBinder.attributes(FlowRequest.class))
                .contains(
                        "name",
                        "method",
                        "path",
                        "headers",
                        "body",
                        "credentialsId",
                        "expectStatus",
                        "expectJson",
                        "expectBody");
        assertThat(CascShapedBinder.attributes(Gates.class))
                .contains("promotesFrom", "maxAttestationAge", "liveVersion", "approvers", "windows", "freezes");
    }

    @Test
    void aFormWithEveryEnvironmentDeletedLeavesNone() throws Exception {
        ReleasePromotionConfiguration jenkins = loadLikeCasc(cascDocument(mission()));
        List<Object> bound = new ArrayList<>();

        jenkins.configure((bean, json) -> bound.add(bean), new net.sf.json.JSONObject());

        assertThat(bound).containsExactly(jenkins);
        assertThat(jenkins.getEnvironments()).isEmpty();
    }

    @Test
    void theWebFormsLineViewsEditTheSameLists() {
        ScriptDeploy deploy = new ScriptDeploy(null);
        deploy.setCommandLines("./scripts/deploy-staging.sh\n {slot}\n\n{tag}\n");
        FlowRequest request = new FlowRequest("/api/login");
        request.setExpectJsonLines("/user/name: demo\n/user/roles/0: admin: yes");

        assertThat(deploy.getCommand()).containsExactly("./scripts/deploy-staging.sh", "{slot}", "{tag}");
        assertThat(deploy.getCommandLines()).isEqualTo("./scripts/deploy-staging.sh\n{slot}\n{tag}");
        assertThat(request.getExpectJson())
                .containsEntry("/user/name", "demo")
                .containsEntry("/user/roles/0", "admin: yes");
    }
}
