package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.MapCredentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A deploy as an agent runs it: our classes, SSHD and Bouncy Castle loaded afresh by a class loader of their own, as a
 * remoting channel loads them, and that loader as the thread's context class loader while the work runs.
 */
public final class AgentLoaderDeploy {

    private AgentLoaderDeploy() {}

    /** A class loader over this test's class path whose parent is the platform's: nothing is shared but the JDK. */
    static URLClassLoader newAgentLoader() throws MalformedURLException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader("agent channel", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Runs {@link #deploy} inside {@code loader}, with it as the context class loader. */
    @SuppressWarnings("unchecked")
    static List<String> run(ClassLoader loader, String... arguments) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> self = Class.forName(AgentLoaderDeploy.class.getName(), true, loader);
            return (List<String>) self.getMethod("deploy", String[].class).invoke(null, (Object) arguments);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * Logs in with the key and runs {@code script} in {@code directory}; answers the output and the exit status.
     *
     * @param arguments host, port, user, known_hosts line, directory, private key, passphrase, script
     */
    public static List<String> deploy(String... arguments) {
        SshDeployConfig config = new SshDeployConfig(
                arguments[0],
                Integer.parseInt(arguments[1]),
                arguments[2],
                "deploy-key",
                arguments[3],
                null,
                arguments[4],
                List.of(),
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60));
        Credentials credentials =
                MapCredentials.of(new Credentials.SshKey("deploy-key", null, arguments[5], arguments[6]));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (SshDeployMethod method = new SshDeployMethod(config, credentials, Secrets.none())) {
            Command command =
                    new Command(List.of("sh", "-c", arguments[7]), arguments[4], Map.of(), Duration.ofSeconds(30));
            CommandResult result = method.runner().run(command, lines::add);
            lines.add("exit " + result.exitCode());
        }
        return List.copyOf(lines);
    }
}
