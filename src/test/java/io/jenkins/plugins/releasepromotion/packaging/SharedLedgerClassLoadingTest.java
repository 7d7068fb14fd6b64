package io.jenkins.plugins.releasepromotion.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresCluster;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared ledger run from the built {@code .hpi}'s own jars, in class loaders arranged as Jenkins arranges them,
 * against a real PostgreSQL: the driver comes from the postgresql-api plugin, Flyway and its migrations from ours.
 *
 * <p>How Jenkins arranges them (jenkins-2.541.3): {@code ClassicPluginStrategy#createPluginWrapper} unpacks the
 * archive (line 165) and takes {@code WEB-INF/lib/*.jar} as the class path (lines 202-205); lines 235-240 give the
 * plugin's class loader a {@code DependencyClassLoader} as parent, whose own parent is core's loader;
 * {@code createClassLoader} lines 293-309 make the plugin's loader a {@code URLClassLoader2} over those jars, parent
 * first (only {@code PluginFirstClassLoader: true} in the manifest would give a {@code PluginFirstClassLoader2}, which we
 * do not ask for); {@code DependencyClassLoader#findClass} (lines 627-650), {@code #findResources} (655-676) and
 * {@code #findResource} (from 679) look through the plugins it depends on. HpiArchiveTest checks what the archive holds. postgresql-api
 * (42.7.11-94.v50c5c1c8f3b_d, its pom.xml) is a library plugin: no classes of its own, the {@code org.postgresql}
 * driver jar in its {@code WEB-INF/lib}.
 */
class SharedLedgerClassLoadingTest {
    private static final String POSTGRES = "io.jenkins.plugins.releasepromotion.engine.ledger.postgres.";

    @TempDir
    Path dir;

    /** Core's loader, with the libraries core provides and the .hpi leaves out; the JDK's platform loader above. */
    private static URLClassLoader core() throws Exception {
        List<URL> jars = new ArrayList<>();
        for (String provided : List.of(
                "org.slf4j.LoggerFactory",
                "org.apache.commons.logging.LogFactory",
                "org.apache.commons.codec.binary.Hex",
                "com.google.common.collect.ImmutableList")) {
            jars.add(jarOf(Class.forName(provided)));
        }
        return new URLClassLoader("core", jars.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    private static URL jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** {@code DependencyClassLoader}: core's loader first, then each dependency's. */
    static final class Dependencies extends ClassLoader {
        private final ClassLoader dependency;

        Dependencies(ClassLoader core, ClassLoader dependency) {
            super("dependencies", core);
            this.dependency = dependency;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            return dependency.loadClass(name);
        }

        @Override
        protected URL findResource(String name) {
            return dependency.getResource(name);
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            return dependency.getResources(name);
        }
    }

    /** The .hpi's {@code WEB-INF/lib}, unpacked as Jenkins unpacks a plugin. */
    private List<URL> pluginJars() throws IOException {
        List<URL> jars = new ArrayList<>();
        try (ZipFile hpi = new ZipFile(HpiArchiveTest.HPI.toFile())) {
            for (ZipEntry e : Collections.list(hpi.entries())) {
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    Path jar = dir.resolve(e.getName().substring("WEB-INF/lib/".length()));
                    try (InputStream in = hpi.getInputStream(e)) {
                        Files.copy(in, jar);
                    }
                    jars.add(jar.toUri().toURL());
                }
            }
        }
        return jars;
    }

    @Test
    void theLedgerOpensFromThePluginsJarsWithTheDriverOfPostgresqlApi() throws Exception {
        PostgresCluster.Database database = PostgresCluster.shared().newDatabase();
        URLClassLoader core = core();
        URLClassLoader postgresqlApi =
                new URLClassLoader("postgresql-api", new URL[] {jarOf(org.postgresql.Driver.class)}, core);
        URLClassLoader plugin = new URLClassLoader(
                "release-promotion", pluginJars().toArray(new URL[0]), new Dependencies(core, postgresqlApi));
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // A Jenkins thread's context loader is core's (or the uber loader): it knows neither Flyway nor the driver.
        thread.setContextClassLoader(core);
        try {
            assertThat(plugin.loadClass("org.postgresql.Driver").getClassLoader())
                    .isSameAs(postgresqlApi);
            assertThat(plugin.loadClass("org.flywaydb.core.Flyway").getClassLoader())
                    .isSameAs(plugin);
            assertThat(plugin.loadClass(POSTGRES + "PostgresLedger").getClassLoader())
                    .isSameAs(plugin);

            Class<?> targetType = plugin.loadClass(POSTGRES + "PostgresTarget");
            Object target = targetType
                    .getMethod("parse", String.class)
                    .invoke(null, database.target().toString());
            Class<?> ledgerType = plugin.loadClass(POSTGRES + "PostgresLedger");
            Method open = ledgerType.getMethod("open", targetType, String.class, char[].class);
            try (AutoCloseable ledger = (AutoCloseable)
                    open.invoke(null, target, null, database.password().toCharArray())) {
                assertThat(ledgerType.getMethod("environments").invoke(ledger))
                        .asString()
                        .isEqualTo("[]");
            }
        } finally {
            thread.setContextClassLoader(before);
            plugin.close();
            postgresqlApi.close();
            core.close();
        }
        // Flyway found the migrations inside the plugin's jar (a jar: URL) and applied them.
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version FROM ledger_schema_history WHERE success")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("1");
        }
    }

    /**
     * {@code DriverManager} hands a caller only the drivers its own class loader resolves to the very same class:
     * {@code getConnection(String, Properties, Class)} (JDK 25 src.zip lines 583-638, unchanged since JDK 9; the JDK
     * 17 this runs on behaves the same, as this test shows) takes the caller's class loader and skips every registered
     * driver for which {@code isDriverAllowed} (lines 495-510: {@code Class.forName(driver.getClass().getName(), true,
     * callerCL) == driver.getClass()}) is false, ending in "No suitable driver". A driver is registered when its class
     * initializes; {@code ensureDriversInitialized} (lines 515-560) looks for others once per JVM, through {@code
     * ServiceLoader.load(Driver.class)}, that is the context class loader of whichever thread asks first. In Jenkins
     * that is rarely a loader that sees a plugin's driver, so the ledger never asks {@code DriverManager}: it
     * instantiates {@code org.postgresql.Driver} itself ({@code PostgresConnector}).
     */
    @Test
    void driverManagerHidesADriverRegisteredFromAnotherClassLoader() throws Exception {
        try (URLClassLoader elsewhere = new URLClassLoader(
                "postgresql-api",
                new URL[] {jarOf(org.postgresql.Driver.class)},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> foreign = Class.forName("org.postgresql.Driver", true, elsewhere);

            assertThat(foreign).isNotSameAs(org.postgresql.Driver.class);
            assertThat(foreign.getMethod("isRegistered").invoke(null)).isEqualTo(true);
            assertThat(DriverManager.drivers().map(d -> (Object) d.getClass())).doesNotContain(foreign);
        }
    }
}
