package io.jenkins.plugins.releasepromotion.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.report.page.ReportPage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.java.sezpoz.impl.SerAnnotatedElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the built {@code target/release-promotion.hpi} and checks what Jenkins reads from it. Runs after packaging,
 * without the Jenkins API declarations on the class path (they are set aside before the jar is built).
 */
class HpiArchiveTest {
    static final Path HPI = Path.of("target/release-promotion.hpi");
    static final List<String> DECLARATION_PACKAGES = List.of(
            "hudson/",
            "jenkins/",
            "org/kohsuke/",
            "org/jenkinsci/",
            "com/cloudbees/",
            "org/springframework/",
            "net/sf/");

    static final Path CLI_JAR = Path.of("target/release-promotion-cli.jar");
    static final String PACKAGE = "io/jenkins/plugins/releasepromotion/";
    static final List<String> LEFT_OUT = List.of(PACKAGE + "cli/", PACKAGE + "sample/");
    static final String STYLESHEET = PACKAGE + "engine/report/page/" + ReportPage.STYLESHEET;

    static Manifest hpiManifest;
    static byte[] classesJar;

    @BeforeAll
    static void open() throws IOException {
        assertThat(HPI).as("run mvn package first").exists();
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            try (InputStream in = hpi.getInputStream(hpi.getEntry("META-INF/MANIFEST.MF"))) {
                hpiManifest = new Manifest(in);
            }
            ZipEntry jar = hpi.getEntry("WEB-INF/lib/release-promotion.jar");
            assertThat(jar).as("the classes jar").isNotNull();
            try (InputStream in = hpi.getInputStream(jar)) {
                classesJar = in.readAllBytes();
            }
        }
    }

    static List<String> entries(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    static byte[] read(byte[] jar, String name) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    @Test
    void theManifestDescribesThePluginAndItsDependencies() {
        Attributes main = hpiManifest.getMainAttributes();

        assertThat(main.getValue("Short-Name")).isEqualTo("release-promotion");
        assertThat(main.getValue("Long-Name")).isEqualTo("Release Promotion");
        assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins");
        assertThat(main.getValue("Plugin-Version")).isNotBlank();
        assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.541.3");
        assertThat(main.getValue("Hudson-Version")).isEqualTo("2.541.3");
        assertThat(main.getValue("Minimum-Java-Version")).isEqualTo("17");
        assertThat(main.getValue("Url")).startsWith("https://");
        assertThat(main.getValue("Support-Dynamic-Loading")).isEqualTo("true");
        String dependencies = main.getValue("Plugin-Dependencies");
        assertThat(dependencies).doesNotContain(" ");
        assertThat(List.of(dependencies.split(",")))
                .extracting(d -> d.substring(0, d.indexOf(':')))
                .containsExactlyInAnyOrder(
                        "workflow-step-api",
                        "credentials",
                        "ssh-credentials",
                        "plain-credentials",
                        "structs",
                        "workflow-api",
                        "pipeline-input-step",
                        "bouncycastle-api",
                        "postgresql-api");
        assertThat(List.of(dependencies.split(","))).allMatch(d -> d.matches("[a-z-]+:\\d+\\.[0-9a-z._-]+"));
        // The version the Jenkins 2.541.x BOM ships (bom 6916.v15ec97679743, bom-weekly/pom.xml line 867, imported
        // unchanged through bom-2.555.x and bom-2.568.x).
        assertThat(dependencies).contains("bouncycastle-api:2.30.1.84-291.v9f17b_21896e2");
        // The same BOM: bom-weekly/pom.xml line 1421-1422 (pipeline-input-step) and line 38 (workflow-api).
        assertThat(dependencies)
                .contains("pipeline-input-step:560.v56198a_642157")
                .contains("workflow-api:1413.v2ff1a_5e720fa_");
        // The version the Jenkins weekly BOM ships (bom d2cd31e0, bom-weekly/pom.xml lines 564-567); it bundles the
        // PostgreSQL driver 42.7.11 (postgresql-api a5c4bd2, pom.xml lines 21 and 30-34).
        assertThat(dependencies).contains("postgresql-api:42.7.11-94.v50c5c1c8f3b_d");
    }

    @Test
    void theClassesJarNamesThePluginSoJenkinsTrustsItsClasses() throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(classesJar))) {
            Attributes main = in.getManifest().getMainAttributes();
            assertThat(main.getValue("Short-Name")).isEqualTo("release-promotion");
            assertThat(main.getValue("Plugin-Version")).isNotBlank();
            assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.541.3");
        }
    }

    @Test
    void theExtensionIndexListsTheStepsTheConfigurationAndThePages() throws Exception {
        byte[] index = read(classesJar, "META-INF/annotations/hudson.Extension");
        assertThat(index).as("the SezPoz index").isNotNull();
        List<String> classes = new ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(index))) {
            for (Object o = in.readObject(); o != null; o = in.readObject()) {
                classes.add(((SerAnnotatedElement) o).className);
            }
        }

        String p = "io.jenkins.plugins.releasepromotion.";
        assertThat(classes)
                .contains(
                        p + "steps.PromoteTagStep$DescriptorImpl",
                        p + "steps.VerifyDeploymentStep$DescriptorImpl",
                        p + "steps.RollbackToStep$DescriptorImpl",
                        p + "steps.ReleaseStatusStep$DescriptorImpl",
                        p + "config.ReleasePromotionConfiguration",
                        p + "config.Environment$DescriptorImpl",
                        p + "config.ScriptDeploy$DescriptorImpl",
                        p + "config.SshDeploy$DescriptorImpl",
                        p + "action.ReleasesPage");
    }

    @Test
    void theSymbolIndexAndThePluginDescriptionAreThere() throws IOException {
        String symbols = new String(
                read(classesJar, "META-INF/services/annotations/org.jenkinsci.Symbol"), StandardCharsets.UTF_8);
        assertThat(symbols.lines())
                .contains("io.jenkins.plugins.releasepromotion.config.ReleasePromotionConfiguration");
        assertThat(new String(read(classesJar, "index.jelly"), StandardCharsets.UTF_8))
                .startsWith("<?jelly escape-by-default='true'?>");
    }

    @Test
    void viewsAndHelpTravelInTheClassesJar() throws IOException {
        List<String> names = entries(classesJar);
        String p = "io/jenkins/plugins/releasepromotion/";

        assertThat(names)
                .contains(
                        p + "steps/PromoteTagStep/config.jelly",
                        p + "steps/PromoteTagStep/help.html",
                        p + "steps/PromoteTagStep/help-tag.html",
                        p + "steps/ReleaseStatusStep/help-environment.html",
                        p + "config/ReleasePromotionConfiguration/config.jelly",
                        p + "config/SshDeploy/help-knownHosts.html",
                        p + "action/ReleaseAction/summary.jelly",
                        p + "action/ReleaseAction/index.jelly",
                        p + "action/ReleasesPage/index.jelly",
                        p + "steps/Messages.properties");
    }

    /**
     * The Releases page links {@code ${resURL}/plugin/release-promotion/css/report.css}. jenkins-2.541.3: {@code
     * Functions#initPageVariables} line 315 sets {@code resURL} to the root path plus {@code Jenkins.RESOURCE_PATH}, which
     * {@code Jenkins} line 5653 makes {@code /static/<hash>}; stapler 2050.v425108fd5089 {@code Stapler#service} lines
     * 215-222 drop that {@code /static/<hash>} part; {@code Jenkins#getPlugin(String)} (lines 1636-1640) answers {@code
     * /plugin/<Short-Name>}; and {@code Plugin#doDynamicImpl} (lines 280-303) serves the rest of the path from {@code
     * PluginWrapper.baseResourceURL}, the exploded root of the .hpi ({@code ClassicPluginStrategy#createPluginWrapper}
     * line 207), refusing paths with {@code META-INF} or {@code WEB-INF}. So the stylesheet is {@code css/report.css} at
     * the root of the archive, beside {@code WEB-INF}, not inside the classes jar's {@code META-INF}. The link is a
     * stylesheet from Jenkins' own address, which its Content-Security-Policy allows: {@code BaseContributor#apply}
     * (lines 46-52) sets {@code default-src 'self'}, and {@code style-src}, not initialized, inherits it ({@code
     * CspBuilder#getEffectiveValues} lines 202-216). {@code <l:header>} puts the link into the page's head: {@code
     * lib/layout/layout.jelly} lines 142-143 run the layout's body in the mode {@code header} inside {@code <head>},
     * where {@code lib/layout/header.jelly} lines 35-37 invoke the header's body.
     */
    @Test
    void theReportStylesheetIsAStaticFileOfThePluginByteForByteTheClassPathOne() throws IOException {
        byte[] served;
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            ZipEntry css = hpi.getEntry("css/report.css");
            assertThat(css).as("css/report.css at the root of the .hpi").isNotNull();
            try (InputStream in = hpi.getInputStream(css)) {
                served = in.readAllBytes();
            }
        }
        byte[] inJar = read(classesJar, STYLESHEET);
        assertThat(inJar).as("the engine's stylesheet in the classes jar").isNotNull();
        assertThat(served).isEqualTo(inJar).isEqualTo(ReportPage.css().getBytes(StandardCharsets.UTF_8));
        assertThat(hpiManifest.getMainAttributes().getValue("Short-Name")).isEqualTo("release-promotion");
        assertThat(new String(read(classesJar, PACKAGE + "action/ReleasesPage/index.jelly"), StandardCharsets.UTF_8))
                .contains("<l:header>")
                .contains("href=\"${resURL}/plugin/release-promotion/css/report.css\"");
    }

    /**
     * Jenkins' Content-Security-Policy has no {@code 'unsafe-inline'} for scripts ({@code BaseContributor#apply} lines
     * 46-52, {@code CompatibleContributor#apply} lines 50-58 add it for styles only, and only for now): no view of ours
     * carries a script, an inline stylesheet or a {@code style} attribute.
     */
    @Test
    void noViewOfThePluginHoldsAScriptOrAnInlineStyle() throws IOException {
        Pattern inline = Pattern.compile("(?i)<script|<style[\\s>]|\\sstyle\\s*=");
        List<String> views = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(classesJar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".jelly")) {
                    views.add(e.getName());
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(inline.matcher(text).find()).as(e.getName()).isFalse();
                }
            }
        }
        assertThat(views)
                .contains(PACKAGE + "action/ReleasesPage/index.jelly", PACKAGE + "action/ReleaseAction/summary.jelly");
        assertThat(inline.matcher("<div style=\"color: red\">").find()).isTrue();
        assertThat(inline.matcher("<script src=\"x.js\"/>").find()).isTrue();
    }

    @Test
    void noDeclarationOfTheJenkinsApiIsPackaged() throws IOException {
        assertThat(entries(classesJar))
                .filteredOn(n -> n.endsWith(".class"))
                .noneMatch(n -> DECLARATION_PACKAGES.stream().anyMatch(n::startsWith))
                .anyMatch(n -> n.startsWith("io/jenkins/plugins/releasepromotion/steps/"));
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            List<String> libs = hpi.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .toList();
            assertThat(libs).noneMatch(n -> n.contains("stub") || n.contains("jenkins-core"));
            assertThat(hpi.stream().map(ZipEntry::getName)).noneMatch(n -> n.startsWith("WEB-INF/classes/"));
        }
    }

    @Test
    void bundlesTheEngineLibrariesButNotWhatJenkinsProvides() throws IOException {
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            List<String> libs = hpi.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("WEB-INF/lib/"))
                    .map(n -> n.substring("WEB-INF/lib/".length()))
                    .toList();
            assertThat(libs)
                    .anyMatch(n -> n.startsWith("org.eclipse.jgit-"))
                    .anyMatch(n -> n.startsWith("jackson-databind-"))
                    .anyMatch(n -> n.startsWith("sshd-core-"))
                    .noneMatch(n -> n.startsWith("slf4j-api-"))
                    .noneMatch(n -> n.startsWith("guava-"))
                    .noneMatch(n -> n.startsWith("localizer-"))
                    .noneMatch(n -> n.startsWith("sezpoz-"))
                    .noneMatch(n -> n.startsWith("picocli-"))
                    .noneMatch(n -> n.startsWith("junit"));
        }
        assertThat(Files.size(HPI)).isLessThan(64L * 1024 * 1024);
    }

    /**
     * A plugin's classes resolve parent first, through its dependencies: jenkins-2.541.3
     * {@code ClassicPluginStrategy#createPluginWrapper} lines 235-240 give the plugin's class loader a {@code
     * DependencyClassLoader} over core's loader as its parent; {@code createClassLoader} lines 294-309 make it a plain
     * {@code URLClassLoader2} (the JDK's parent-first delegation) unless the manifest says {@code
     * PluginFirstClassLoader: true} ({@code PluginFirstClassLoader2#loadClass} lines 59-70 is the only loader that looks
     * at its own jars first); {@code DependencyClassLoader#findClass} lines 627-641 looks through every transitive
     * dependency. credentials (1453.v9b_a_29777a_b_fd, pom.xml lines 119-122) and ssh-credentials
     * (361.vb_f6760818e8c, pom.xml lines 136-139) depend on bouncycastle-api, whose {@code BouncyCastlePlugin#start}
     * (2.30.1.84-291.v9f17b_21896e2, line 68) puts its bcprov 1.84 into its own class loader. So every {@code
     * org.bouncycastle} class comes from bouncycastle-api: a bundled bcprov would never be loaded, only shadowed.
     */
    @Test
    void bouncyCastleComesFromTheBouncyCastleApiPluginNotFromABundledJar() throws IOException {
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            assertThat(hpi.stream().map(ZipEntry::getName))
                    .filteredOn(n -> n.startsWith("WEB-INF/lib/"))
                    .isNotEmpty()
                    .noneMatch(n -> n.startsWith("WEB-INF/lib/bc"))
                    .noneMatch(n -> n.contains("bouncycastle"));
        }
        assertThat(entries(classesJar)).noneMatch(n -> n.startsWith("org/bouncycastle/"));
        assertThat(hpiManifest.getMainAttributes().getValue("PluginFirstClassLoader"))
                .as("parent-first class loading")
                .isNull();
        assertThat(hpiManifest.getMainAttributes().getValue("Plugin-Dependencies"))
                .contains("bouncycastle-api:");
        // The command line runs outside Jenkins and still carries its own copy.
        assertThat(entries(Files.readAllBytes(CLI_JAR)))
                .contains("org/bouncycastle/jce/provider/BouncyCastleProvider.class");
    }

    /**
     * The postgresql-api plugin (a5c4bd2, pom.xml lines 30-34) has the driver {@code org.postgresql:postgresql} as its
     * one dependency, so its .hpi carries the driver in its own {@code WEB-INF/lib}; through the parent-first
     * delegation described above ({@code DependencyClassLoader#findClass}), every {@code org.postgresql} class of this
     * plugin comes from there, and a bundled driver would only be shadowed. Flyway is in no Jenkins plugin, so it is
     * bundled (about 880 KB: flyway-core, flyway-database-postgresql and the cockroachdb module it needs).
     */
    @Test
    void thePostgresDriverComesFromThePostgresqlApiPluginAndFlywayIsBundled() throws IOException {
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            List<String> libs = hpi.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("WEB-INF/lib/"))
                    .map(n -> n.substring("WEB-INF/lib/".length()))
                    .toList();
            assertThat(libs)
                    .noneMatch(n -> n.startsWith("postgresql-"))
                    .noneMatch(n -> n.startsWith("checker-qual-"))
                    .anyMatch(n -> n.startsWith("flyway-core-"))
                    .anyMatch(n -> n.startsWith("flyway-database-postgresql-"));
        }
        assertThat(entries(classesJar))
                .noneMatch(n -> n.startsWith("org/postgresql/"))
                .contains(
                        "io/jenkins/plugins/releasepromotion/engine/ledger/postgres/migration/V1__ledger_records.sql",
                        "io/jenkins/plugins/releasepromotion/engine/ledger/postgres/migration/V2__chain_places.sql");
        // The command line runs outside Jenkins and carries the driver and Flyway itself.
        assertThat(entries(Files.readAllBytes(CLI_JAR)))
                .contains("org/postgresql/Driver.class", "org/flywaydb/core/Flyway.class");
    }

    @Test
    void theCommandLineAndTheSampleStayOutOfThePluginJar() throws IOException {
        List<String> names = entries(classesJar);
        assertThat(names)
                .contains(PACKAGE + "steps/PromoteTagStep.class", PACKAGE + "engine/usecase/Promotion.class")
                .noneMatch(n -> LEFT_OUT.stream().anyMatch(n::startsWith));
        // Nothing Jenkins reads in the plugin jar names them: no class refers to one, no index or service file lists
        // one. (The build's own pom.xml under META-INF/maven names the command's main class; nothing loads it.)
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(classesJar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().startsWith("META-INF/maven/")) {
                    continue;
                }
                String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(LEFT_OUT)
                        .as(e.getName())
                        .noneMatch(prefix -> text.contains(prefix) || text.contains(prefix.replace('/', '.')));
            }
        }
        assertThat(entries(Files.readAllBytes(CLI_JAR)))
                .contains(
                        PACKAGE + "cli/ReleasePromotionCommand.class",
                        PACKAGE + "sample/SampleApp.class",
                        PACKAGE + "engine/usecase/Promotion.class");
    }
}
