package io.jenkins.plugins.releasepromotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.steps.PluginClasses;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/** What the Snippet Generator and the configuration pages show: views, help for every field, every string. */
class ViewsTest {

    static String resource(Class<?> type, String name) throws IOException {
        String path = type.getName().replace('.', '/').replace('$', '/') + "/" + name;
        try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyStepAndConfigurationClassHasAnEscapingConfigViewAndHelpForEveryField() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : PluginClasses.describables()) {
            String view = resource(type, "config.jelly");
            if (view == null) {
                missing.add(type.getSimpleName() + "/config.jelly");
            } else {
                assertThat(view).as(type.getSimpleName()).startsWith("<?jelly escape-by-default='true'?>");
            }
            for (String field : CascShapedBinder.attributes(type)) {
                if (resource(type, "help-" + field + ".html") == null) {
                    missing.add(type.getSimpleName() + "/help-" + field + ".html");
                }
            }
        }
        for (Class<?> step : PluginClasses.steps()) {
            if (resource(step, "help.html") == null) {
                missing.add(step.getSimpleName() + "/help.html");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyViewEscapesByDefault() throws Exception {
        for (String view : List.of(
                "io/jenkins/plugins/releasepromotion/action/ReleaseAction/summary.jelly",
                "io/jenkins/plugins/releasepromotion/action/ReleaseAction/index.jelly",
                "io/jenkins/plugins/releasepromotion/action/ReleasesPage/index.jelly",
                "index.jelly")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(view)) {
                assertThat(in).as(view).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .startsWith("<?jelly escape-by-default='true'?>");
            }
        }
    }

    @Test
    void everyViewAndHelpFileIsWellFormed() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources"))) {
            files = walk.filter(
                            f -> f.toString().endsWith(".jelly") || f.toString().endsWith(".html"))
                    .toList();
        }
        for (java.nio.file.Path file : files) {
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            try {
                builder.parse(file.toFile());
            } catch (org.xml.sax.SAXException e) {
                throw new AssertionError(file + ": " + e.getMessage(), e);
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
    }

    @Test
    void everyMessageHasItsText() throws Exception {
        int count = 0;
        for (Class<?> messages : PluginClasses.messages()) {
            for (Method m : messages.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                    Object[] args = new Object[m.getParameterCount()];
                    java.util.Arrays.fill(args, "x");
                    String text = (String) m.invoke(null, args);
                    assertThat(text).as(messages.getName() + "." + m.getName()).isNotBlank();
                    count++;
                }
            }
        }
        assertThat(count).isGreaterThan(30);
    }

    @Test
    void theSymbolIndexListsExactlyTheClassesWithASymbol() throws Exception {
        Set<String> annotated = new TreeSet<>();
        for (Class<?> type : PluginClasses.all()) {
            if (type.isAnnotationPresent(Symbol.class)) {
                annotated.add(type.getName());
            }
        }
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("META-INF/services/annotations/org.jenkinsci.Symbol")) {
            Set<String> index = new TreeSet<>(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
            assertThat(index).isEqualTo(annotated).hasSize(3);
        }
    }
}
