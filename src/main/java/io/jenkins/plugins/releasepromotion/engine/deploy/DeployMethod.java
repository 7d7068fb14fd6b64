package io.jenkins.plugins.releasepromotion.engine.deploy;

import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import java.util.List;

/**
 * How commands reach an environment (locally for script deploys, over SSH for ssh deploys) and which command deploys a
 * tag there. Backup and maintenance commands go the same way as the deploy.
 */
public interface DeployMethod extends AutoCloseable {

    /** Runs commands where the deploy happens. */
    CommandRunner runner();

    /** The command that deploys the target. */
    Command deployCommand(DeployTarget target);

    /** A configured command (backup, maintenance, logs) with the target's placeholders filled in. */
    Command command(List<String> argv, DeployTarget target);

    /** Releases connections. */
    @Override
    void close();
}
