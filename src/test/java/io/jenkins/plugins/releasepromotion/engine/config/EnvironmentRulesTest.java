package io.jenkins.plugins.releasepromotion.engine.config;

import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.STAGING;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.environment;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.problemsOf;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentRulesTest {
    private static final String DEPLOY = "    deploy: {script: {command: [./deploy.sh]}}\n";

    @Test
    void refusesConfigurationWithoutEnvironments() {
        assertThat(problemsOf("mainBranch: main\n"))
                .containsExactly(
                        "environments: required; define at least one environment, e.g. staging and production");
        assertThat(problemsOf("environments: []\n"))
                .hasSize(1)
                .first()
                .asString()
                .startsWith("environments: required");
    }

    @Test
    void acceptsTheSmallestConfiguration() {
        ReleaseConfig config = ConfigLoader.parse(STAGING, "test.yaml");

        assertThat(config.environments())
                .singleElement()
                .extracting(EnvironmentConfig::name)
                .isEqualTo("staging");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-prod", ".hidden", "prod env", "prod/eu", "prod;rm", "pröd", "'prod:1'"})
    void refusesUnsafeEnvironmentNames(String name) {
        assertThat(problemsOf(environment(name, DEPLOY)))
                .singleElement()
                .asString()
                .startsWith("environments[0].name: '")
                .endsWith("' is not a safe name; use up to 64 letters, digits, '.', '_' and '-', not starting with '.'"
                        + " or '-'");
    }

    @Test
    void refusesNamesLongerThan64Characters() {
        assertThat(ConfigLoader.parse(environment("a".repeat(64), DEPLOY), "test.yaml")
                        .environments())
                .hasSize(1);
        assertThat(problemsOf(environment("a".repeat(65), DEPLOY)))
                .singleElement()
                .asString()
                .contains("is not a safe name");
    }

    @Test
    void acceptsNamesWithDotsUnderscoresAndDashes() {
        assertThat(ConfigLoader.parse(environment("staging_2.eu-west", DEPLOY), "test.yaml")
                        .environments())
                .extracting(EnvironmentConfig::name)
                .containsExactly("staging_2.eu-west");
    }

    @Test
    void refusesMissingName() {
        assertThat(problemsOf("environments:\n  - kind: staging\n" + DEPLOY))
                .containsExactly("environments[0].name: required; name the environment, e.g. staging or production");
    }

    @Test
    void refusesDuplicateEnvironmentNames() {
        String yaml = STAGING + "  - name: staging\n" + DEPLOY;

        assertThat(problemsOf(yaml))
                .containsExactly("environments[1].name: 'staging' is already the name of environments[0]; give each"
                        + " environment its own name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "101"})
    void refusesSlotsOutOfRange(String slots) {
        assertThat(problemsOf(environment("staging", "    slots: " + slots + "\n" + DEPLOY)))
                .containsExactly("environments[0].slots: " + slots + " is out of range; use 0 to 100");
    }

    @Test
    void requiresUrlWhenChecksTalkToTheApplication() {
        String yaml = environment(
                "staging",
                DEPLOY + "    checks: [{type: version}, {type: health}, {type: dag,"
                        + " dagId: d, airflowUrl: 'https://airflow'}]\n");

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "environments[0].url: required by these checks: version, health; give the application's base URL");
    }

    @Test
    void noUrlNeededForCommandChecks() {
        String yaml = environment(
                "staging",
                DEPLOY + "    checks: [{type: logs, command: [cat, app.log], failurePatterns: [ERROR]},"
                        + " {type: migrations, command: [./check.sh]}]\n");

        assertThat(ConfigLoader.parse(yaml, "test.yaml").environments().get(0).url())
                .isNull();
    }

    @Test
    void refusesUrlThatIsNotHttp() {
        assertThat(problemsOf(environment("staging", "    url: ftp://files.example.com\n" + DEPLOY)))
                .containsExactly("environments[0].url: 'ftp://files.example.com' must start with https:// or http://");
        assertThat(problemsOf(environment("staging", "    url: jobsearch.example.com\n" + DEPLOY)))
                .containsExactly("environments[0].url: 'jobsearch.example.com' must start with https:// or http://");
    }

    @Test
    void refusesUrlThatDoesNotParse() {
        assertThat(problemsOf(environment("staging", "    url: 'https://bad host.example.com'\n" + DEPLOY)))
                .singleElement()
                .asString()
                .startsWith("environments[0].url: 'https://bad host.example.com' is not a URL (Illegal character");
        assertThat(problemsOf(environment("staging", "    url: 'https://'\n" + DEPLOY)))
                .singleElement()
                .asString()
                .startsWith("environments[0].url: 'https://' is not a URL");
    }

    @Test
    void slotPlaceholderOnlyWithSlots() {
        assertThat(problemsOf(environment("staging", "    url: https://staging-{slot}.example.com\n" + DEPLOY)))
                .containsExactly("environments[0].url: contains {slot} but the environment has no slots; set slots or"
                        + " remove {slot}");
    }

    @Test
    void severalSlotsNeedTheSlotPlaceholder() {
        assertThat(problemsOf(environment("staging", "    slots: 3\n    url: https://staging.example.com\n" + DEPLOY)))
                .containsExactly("environments[0].url: has no {slot} placeholder but the environment has 3 slots;"
                        + " write it like https://staging-{slot}.example.com");
    }

    @Test
    void oneSlotMayDoWithoutThePlaceholder() {
        EnvironmentConfig staging = ConfigLoader.parse(
                        environment("staging", "    slots: 1\n    url: https://staging.example.com\n" + DEPLOY),
                        "test.yaml")
                .environments()
                .get(0);

        assertThat(staging.urlFor(1)).isEqualTo("https://staging.example.com");
    }

    @Test
    void refusesTagPatternThatDoesNotCompile() {
        assertThat(problemsOf("tagPattern: 'v(\\d+'\n" + STAGING))
                .singleElement()
                .asString()
                .startsWith("tagPattern: Tag pattern 'v(\\d+' is not a valid regular expression");
    }

    @Test
    void refusesTagPatternWithoutMajorMinorPatch() {
        assertThat(problemsOf("tagPattern: '^v(\\d+)$'\n" + STAGING))
                .singleElement()
                .asString()
                .startsWith("tagPattern: Tag pattern '^v(\\d+)$' must capture major, minor and patch");
    }

    @Test
    void acceptsTagPatternWithNamedGroups() {
        String pattern = "^release-(?<major>\\d+)\\.(?<minor>\\d+)\\.(?<patch>\\d+)$";

        assertThat(ConfigLoader.parse("tagPattern: '" + pattern + "'\n" + STAGING, "test.yaml")
                        .tagPattern())
                .isEqualTo(pattern);
    }

    @Test
    void refusesOptionLikeBranchAndChangelog() {
        assertThat(problemsOf("mainBranch: --upload-pack=x\nchangelog: ../../etc/passwd\n" + STAGING))
                .containsExactly(
                        "mainBranch: '--upload-pack=x' is not a branch name; use letters, digits, '.', '_', '-' and '/',"
                                + " e.g. main",
                        "changelog: '../../etc/passwd' is not a file path inside the repository; write it like"
                                + " CHANGELOG.md");
    }

    @Test
    void reportsEveryProblemTogether() {
        String yaml =
                """
                tagPattern: '('
                environments:
                  - name: -staging
                    slots: 300
                  - name: production
                    deploy: {ssh: {host: production-server}}
                    gates: {promotesFrom: stage}
                """;

        ConfigException e = refusal(yaml);

        assertThat(e.problems())
                .hasSize(9)
                .anySatisfy(p -> assertThat(p).startsWith("tagPattern: "))
                .anySatisfy(p -> assertThat(p).startsWith("environments[0].name: '-staging' is not a safe name"))
                .anySatisfy(p -> assertThat(p).startsWith("environments[0].slots: 300 is out of range"))
                .anySatisfy(p -> assertThat(p).startsWith("environments[0].deploy: required"))
                .anySatisfy(p -> assertThat(p).startsWith("environments[1].deploy.ssh.user: required"))
                .anySatisfy(p -> assertThat(p).startsWith("environments[1].deploy.ssh.credentialsId: required"))
                .anySatisfy(p -> assertThat(p).startsWith("environments[1].deploy.ssh.directory: required"))
                .anySatisfy(p -> assertThat(p).startsWith("environments[1].deploy.ssh.knownHosts: required"))
                .anySatisfy(p -> assertThat(p).startsWith("environments[1].gates.promotesFrom: 'stage' is not an"));
        assertThat(e.getMessage()).startsWith("9 problems in test.yaml:\n  ");
        assertThat(e.getMessage().lines()).hasSize(10);
        assertThat(e.source()).isEqualTo("test.yaml");
    }

    @Test
    void oneProblemIsOneLine() {
        ConfigException e = refusal("mainBranch: main\n");

        assertThat(e.getMessage())
                .isEqualTo("1 problem in test.yaml: environments: required; define at least one environment, e.g."
                        + " staging and production");
    }
}
