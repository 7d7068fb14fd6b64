package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the live readings and the launcher's callbacks send over the channel holds only classes Jenkins lets cross:
 * jenkins.security.ClassFilterImpl#isBlacklisted (jenkins-2.541.3 line 139-188) permits enums (line 157), classes
 * from Jenkins core or a plugin's own jar (their location, line 161-166 and #isLocationWhitelisted line 192-200), and
 * otherwise only the names in
 * jenkins/security/whitelisted-classes.txt (line 174), where java.lang.Integer, Long, Number, Boolean, Enum and
 * java.util.ArrayList and HashMap are listed (lines 34-104).
 */
class ChannelTypesTest {
    private static final Set<String> WHITELISTED = Set.of(
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Number",
            "java.lang.Boolean",
            "java.lang.Enum",
            "java.util.ArrayList",
            "java.util.HashMap");

    @Test
    void liveReadingsCarryOnlyPermittedClasses() throws IOException {
        LiveCall call = new LiveCall("environments: []", "staging", 2, LiveCall.Reading.VERSION, Duration.ofSeconds(5));
        Answer<ArrayList<String>> answer = Answer.of(new ArrayList<>(Arrays.asList("v1.2.3", "3f2c1ab", null)));

        assertThat(classesIn(call)).allMatch(ChannelTypesTest::permitted);
        assertThat(classesIn(answer)).allMatch(ChannelTypesTest::permitted);
    }

    @Test
    void launcherCallbacksCarryOnlyPermittedClasses() throws IOException {
        CommandCall.CommandSpec command = new CommandCall.CommandSpec(new Command(
                List.of("./deploy.sh", "v1.2.3"), "app", Map.of("RELEASE_TAG", "v1.2.3"), Duration.ofMinutes(5)));
        AgentCommands.Ran ran = AgentCommands.of((c, log) -> {
                    log.line("deployed");
                    return new CommandResult(0, false, Duration.ofSeconds(1), List.of("deployed"));
                })
                .run(command);

        assertThat(classesIn(command)).allMatch(ChannelTypesTest::permitted);
        assertThat(classesIn(ran)).allMatch(ChannelTypesTest::permitted);
    }

    private static boolean permitted(Class<?> c) {
        return c.isArray()
                || Enum.class.isAssignableFrom(c)
                || c.getName().startsWith("io.jenkins.plugins.releasepromotion.")
                || c.getName().startsWith("jenkins.")
                || c.getName().startsWith("hudson.")
                || WHITELISTED.contains(c.getName());
    }

    private static Set<Class<?>> classesIn(Object value) throws IOException {
        Set<Class<?>> classes = new HashSet<>();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream()) {
            @Override
            protected void annotateClass(Class<?> c) {
                classes.add(c);
            }

            @Override
            protected void writeClassDescriptor(ObjectStreamClass desc) throws IOException {
                classes.add(desc.forClass());
                super.writeClassDescriptor(desc);
            }
        }) {
            out.writeObject(value);
        }
        assertThat(classes).isNotEmpty();
        return classes;
    }
}
