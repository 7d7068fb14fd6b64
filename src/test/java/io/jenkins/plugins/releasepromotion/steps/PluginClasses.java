package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.config.Backup;
import io.jenkins.plugins.releasepromotion.config.Bake;
import io.jenkins.plugins.releasepromotion.config.Check;
import io.jenkins.plugins.releasepromotion.config.Environment;
import io.jenkins.plugins.releasepromotion.config.FlowRequest;
import io.jenkins.plugins.releasepromotion.config.Freeze;
import io.jenkins.plugins.releasepromotion.config.Gates;
import io.jenkins.plugins.releasepromotion.config.JsonExpectation;
import io.jenkins.plugins.releasepromotion.config.Maintenance;
import io.jenkins.plugins.releasepromotion.config.NameValue;
import io.jenkins.plugins.releasepromotion.config.ReleasePromotionConfiguration;
import io.jenkins.plugins.releasepromotion.config.ScriptDeploy;
import io.jenkins.plugins.releasepromotion.config.SshDeploy;
import io.jenkins.plugins.releasepromotion.config.Window;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Jenkins layer's classes, for tests that check every one of them. */
public final class PluginClasses {

    private PluginClasses() {}

    public static List<Class<?>> steps() {
        return List.of(PromoteTagStep.class, VerifyDeploymentStep.class, RollbackToStep.class, ReleaseStatusStep.class);
    }

    /** Every class with a configuration form: the steps, the global configuration and its parts. */
    public static List<Class<?>> describables() {
        List<Class<?>> all = new ArrayList<>(steps());
        all.addAll(configuration());
        return all;
    }

    /** The global configuration and the classes of its parts. */
    public static List<Class<?>> configuration() {
        return List.of(
                ReleasePromotionConfiguration.class,
                Environment.class,
                ScriptDeploy.class,
                SshDeploy.class,
                Check.class,
                FlowRequest.class,
                NameValue.class,
                JsonExpectation.class,
                Gates.class,
                Window.class,
                Freeze.class,
                Backup.class,
                Maintenance.class,
                Bake.class);
    }

    public static List<Class<?>> messages() {
        return List.of(
                Messages.class,
                io.jenkins.plugins.releasepromotion.config.Messages.class,
                io.jenkins.plugins.releasepromotion.action.Messages.class);
    }

    /** Every compiled class of the steps, config and action packages, nested ones included. */
    public static List<Class<?>> all() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(PromoteTagStep.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> found = new ArrayList<>();
        for (String pkg : List.of("steps", "config", "action")) {
            Path dir = classes.resolve("io/jenkins/plugins/releasepromotion/" + pkg);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = file.getFileName().toString().replace(".class", "");
                    found.add(Class.forName("io.jenkins.plugins.releasepromotion." + pkg + "." + name));
                }
            }
        }
        return found;
    }
}
