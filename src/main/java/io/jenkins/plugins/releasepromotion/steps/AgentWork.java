package io.jenkins.plugins.releasepromotion.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.ScriptDeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.SshDeployMethod;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.Serial;
import java.io.Serializable;

/**
 * What the agent needs to deploy and verify one environment: the configuration as the YAML text it was read from (so
 * the agent reads it by the same rules), the environment's name, its credentials, the build's log, and a handle on
 * the build's launcher for the commands of a script deploy.
 */
final class AgentWork implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String configYaml;
    private final String environment;
    private final CredentialSnapshot credentials;
    private final TaskListener listener;
    private final AgentCommands launcher;

    AgentWork(
            String configYaml,
            String environment,
            CredentialSnapshot credentials,
            TaskListener listener,
            AgentCommands launcher) {
        this.configYaml = configYaml;
        this.environment = environment;
        this.credentials = credentials;
        this.listener = listener;
        this.launcher = launcher;
    }

    EnvironmentConfig environment() {
        return ConfigLoader.parse(configYaml, "the configuration sent to the agent")
                .environment(environment)
                .orElseThrow(() -> new IllegalStateException("environment " + environment + " left the configuration"));
    }

    CredentialSnapshot credentials() {
        return credentials;
    }

    Secrets secrets() {
        return credentials.secrets();
    }

    LogSink log() {
        return new ConsoleLog(listener, secrets());
    }

    /**
     * The environment's deploy method, here on the agent: commands go over SSH from here (the key is read here, and
     * only here), or, for a script deploy, back through the build's launcher, which starts them in the workspace.
     */
    DeployMethod open(EnvironmentConfig env) {
        if (env.deploy() != null && env.deploy().ssh() != null) {
            return new SshDeployMethod(env.deploy().ssh(), credentials, secrets());
        }
        return new ScriptDeployMethod(env.deploy().script(), AgentCommands.runner(launcher));
    }
}
