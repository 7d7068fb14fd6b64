package io.jenkins.plugins.releasepromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigException;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.steps.PluginClasses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** The command line's file as the tree Configuration as Code reads under {@code releasePromotion:}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(String cliYaml) throws Exception {
        return YAML.readValue(cliYaml, Map.class);
    }

    @SuppressWarnings("unchecked")
    static ReleasePromotionConfiguration loadLikeCasc(String document) throws Exception {
        Map<String, Object> root = YAML.readValue(document, Map.class);
        Map<String, Object> unclassified = (Map<String, Object>) root.get("unclassified");
        String symbol =
                ReleasePromotionConfiguration.class.getAnnotation(Symbol.class).value()[0];
        ReleasePromotionConfiguration config = new ReleasePromotionConfiguration();
        CascShapedBinder.configure(config, (Map<String, Object>) unclassified.get(symbol), symbol);
        return config;
    }

    /** What Configuration as Code exports for the configuration, as the YAML document an admin copies out. */
    static String exportLikeCasc(ReleasePromotionConfiguration config) throws Exception {
        String symbol =
                ReleasePromotionConfiguration.class.getAnnotation(Symbol.class).value()[0];
        return YAML.writeValueAsString(Map.of("unclassified", Map.of(symbol, CascShapedExporter.global(config))));
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
    void whatJenkinsExportsReadsBackAsTheSameConfiguration() throws Exception {
        ReleasePromotionConfiguration jenkins = loadLikeCasc(cascDocument(mission()));

        ReleasePromotionConfiguration again = loadLikeCasc(exportLikeCasc(jenkins));

        assertThat(again.toYaml()).isEqualTo(jenkins.toYaml());
        assertThat(again.toReleaseConfig()).isEqualTo(jenkins.toReleaseConfig());
    }

    @Test
    void headersExpectedJsonAndDagSettingsSurviveExportAndImport() throws Exception {
        ReleasePromotionConfiguration jenkins = loadLikeCasc(
                cascDocument(
                        """
                environments:
                  - name: staging
                    url: https://staging.example.com
                    deploy:
                      script:
                        command: [./deploy.sh, "{tag}"]
                    checks:
                      - type: flows
                        requests:
                          - path: /api/login
                            headers:
                              - {name: Accept, value: application/json}
                              - {name: X-Request-Source, value: release-promotion}
                            expectJson:
                              - {pointer: /user/name, value: demo}
                      - type: dag
                        dagId: job_search_pipeline
                        airflowUrl: https://airflow.example.com
                        conf:
                          - {name: region, value: eu}
                """));

        String exported = exportLikeCasc(jenkins);
        ReleasePromotionConfiguration again = loadLikeCasc(exported);

        assertThat(exported).contains("pointer: \"/user/name\"").contains("name: \"region\"");
        ReleaseConfig config = again.toReleaseConfig();
        assertThat(config).isEqualTo(jenkins.toReleaseConfig());
        var checks = config.environments().get(0).checks();
        assertThat(checks.get(0).requests().get(0).headers())
                .containsEntry("Accept", "application/json")
                .containsEntry("X-Request-Source", "release-promotion");
        assertThat(checks.get(0).requests().get(0).expectJson()).containsEntry("/user/name", "demo");
        assertThat(checks.get(1).conf()).containsEntry("region", "eu");
    }

    @Test
    void theOldMappingShapeIsRefusedByConfigurationAsCode() {
        assertThatThrownBy(
                        () -> loadLikeCasc(
                                cascDocument(
                                        """
                environments:
                  - name: staging
                    deploy: {script: {command: [./deploy.sh]}}
                    checks:
                      - type: flows
                        requests:
                          - {path: /api/login, expectJson: {/user/name: demo}}
                """)))
                .hasMessageContaining("requests[0].expectJson: Item isn't a Sequence");
    }

    @Test
    void theDocumentedConfigurationAsCodeYamlLoads() throws Exception {
        String admin = Files.readString(Path.of("docs/admin.md"), StandardCharsets.UTF_8);
        int section = admin.indexOf("## Configuration as Code");
        int start = admin.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = admin.substring(start, admin.indexOf("```", start));

        ReleasePromotionConfiguration jenkins = loadLikeCasc(yaml);

        assertThat(jenkins.toReleaseConfig().environments()).hasSize(2);
        assertThat(jenkins.getLedgerDirectory()).isEqualTo("/var/jenkins_home/release-promotion/ledger");
    }

    @Test
    void theDocumentedSharedLedgerYamlLoadsAndExportsItsUrlAndCredentialOnly() throws Exception {
        String admin = Files.readString(Path.of("docs/admin.md"), StandardCharsets.UTF_8);
        int section = admin.indexOf("## Sharing one ledger");
        int start = admin.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = admin.substring(start, admin.indexOf("```", start));
        // The credentials: part belongs to the credentials plugin's configurator; ours reads unclassified: only.
        ReleasePromotionConfiguration jenkins = loadLikeCasc(yaml.substring(yaml.indexOf("unclassified:")));

        assertThat(jenkins.getLedgerUrl())
                .isEqualTo("postgresql://releases.db.example.com/releases?sslmode=verify-full");
        assertThat(jenkins.getLedgerCredentialsId()).isEqualTo("release-ledger");
        assertThat(yaml)
                .contains("scope: SYSTEM")
                .contains("id: release-ledger")
                .contains("${RELEASE_LEDGER_PASSWORD}");
        String exported = exportLikeCasc(jenkins);
        assertThat(exported)
                .contains("ledgerUrl: \"postgresql://releases.db.example.com/releases?sslmode=verify-full\"")
                .contains("ledgerCredentialsId: \"release-ledger\"")
                .doesNotContain("password");
        assertThat(loadLikeCasc(exported).getLedgerCredentialsId()).isEqualTo("release-ledger");
    }

    @Test
    void theBinderRefusesAMapAttributeAsConfigurationAsCodeSkipsIt() {
        // BaseConfigurator.describe, configuration-as-code 2117.vc05a_0b_e6b_f4e lines 174-178: a Map attribute is
        // skipped ("We decided not to support Maps"), so handleUnknown (lines 494-513) refuses its key
        assertThat(CascShapedBinder.attributes(WithMap.class)).containsExactly("name");
        assertThatThrownBy(() -> CascShapedBinder.bind(
                        WithMap.class, Map.of("name", "n", "labels", Map.of("tier", "web")), "withMap"))
                .hasMessageContaining("withMap: Invalid configuration elements for type: ")
                .hasMessageContaining(" : labels. Available attributes : name");
    }

    @Test
    void theBinderRefusesASetterWithoutAGetter() {
        // BaseConfigurator.describe lines 130-134: no getter, no attribute
        assertThatThrownBy(() -> CascShapedBinder.bind(WithMap.class, Map.of("secret", "s"), "withMap"))
                .hasMessageContaining("Invalid configuration elements for type: ")
                .hasMessageContaining(" : secret.");
    }

    @Test
    void everyDataBoundSetterOfTheConfigurationIsAnAttributeConfigurationAsCodeCanBind() {
        List<String> skipped = new ArrayList<>();
        for (Class<?> type : PluginClasses.configuration()) {
            Map<String, CascAttributes.Attribute> attributes = CascAttributes.of(type);
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (m.isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class)) {
                    String name = Character.toLowerCase(m.getName().charAt(3))
                            + m.getName().substring(4);
                    CascAttributes.Attribute a = attributes.get(name);
                    if (a == null || !CascAttributes.hasConfigurator(a.type())) {
                        skipped.add(type.getSimpleName() + "." + name);
                    }
                }
            }
            java.lang.reflect.Constructor<?> constructor = CascAttributes.dataBoundConstructor(type);
            for (java.lang.reflect.Parameter p :
                    constructor == null ? new java.lang.reflect.Parameter[0] : constructor.getParameters()) {
                if (!CascAttributes.hasConfigurator(p.getParameterizedType())) {
                    skipped.add(type.getSimpleName() + "." + p.getName());
                }
            }
        }
        assertThat(skipped).isEmpty();
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
    void theLedgerSettingsAreAttributesOfTheGlobalConfiguration() {
        assertThat(CascShapedBinder.attributes(ReleasePromotionConfiguration.class))
                .contains("ledgerDirectory", "ledgerUrl", "ledgerCredentialsId");
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
                .contains(
                        "promotesFrom",
                        "maxAttestationAge",
                        "liveVersion",
                        "approvers",
                        "approvals",
                        "approverKeys",
                        "windows",
                        "freezes");
    }

    @Test
    void approvalsAndApproverKeysSurviveExportAndImport(@TempDir Path dir) throws Exception {
        Path keys = Files.writeString(
                dir.resolve("allowed_signers"),
                "ann ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICTwOJzQN39x+JNyb6ozKT7r/ifRraVu4SdC/EO0Zoyc\n");
        ReleasePromotionConfiguration jenkins = loadLikeCasc(cascDocument(
                """
                environments:
                  - name: production
                    deploy: {script: {command: [./deploy.sh]}}
                    gates:
                      approvers: [ann, bob]
                      approvals: 2
                      approverKeys: "%s"
                """
                        .formatted(keys)));

        ReleasePromotionConfiguration again = loadLikeCasc(exportLikeCasc(jenkins));

        var gates = again.toReleaseConfig().environments().get(0).gates();
        assertThat(gates.approvals()).isEqualTo(2);
        assertThat(gates.approverKeys()).isEqualTo(keys.toString());
        assertThat(again.toReleaseConfig()).isEqualTo(jenkins.toReleaseConfig());
    }

    @Test
    void theWebFormsLineViewsEditTheSameLists() {
        ScriptDeploy deploy = new ScriptDeploy(null);
        deploy.setCommandLines("./scripts/deploy-staging.sh\n {slot}\n\n{tag}\n");

        assertThat(deploy.getCommand()).containsExactly("./scripts/deploy-staging.sh", "{slot}", "{tag}");
        assertThat(deploy.getCommandLines()).isEqualTo("./scripts/deploy-staging.sh\n{slot}\n{tag}");
    }

    /** A class shaped like ours but with a {@code Map} attribute and a setter that has no getter. */
    public static class WithMap {
        private final String name;
        private Map<String, String> labels = new java.util.LinkedHashMap<>();

        @org.kohsuke.stapler.DataBoundConstructor
        public WithMap(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public Map<String, String> getLabels() {
            return labels;
        }

        @org.kohsuke.stapler.DataBoundSetter
        public void setLabels(Map<String, String> labels) {
            this.labels = labels;
        }

        @org.kohsuke.stapler.DataBoundSetter
        public void setSecret(String secret) {
            this.labels = Map.of();
        }
    }
}
