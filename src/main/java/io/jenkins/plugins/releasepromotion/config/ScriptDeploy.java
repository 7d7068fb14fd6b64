package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Runs a command (an argument list, never a shell string) on the agent, in the workspace. */
public class ScriptDeploy extends Deploy {
    private List<String> command;
    private String workingDirectory;
    private String timeout;

    @DataBoundConstructor
    public ScriptDeploy(List<String> command) {
        this.command = Lines.copy(command);
    }

    public List<String> getCommand() {
        return Lines.copy(command);
    }

    /** The web form's view of {@link #getCommand()}: one argument per line. */
    public String getCommandLines() {
        return Lines.text(command);
    }

    @DataBoundSetter
    public void setCommandLines(String lines) {
        this.command = Lines.list(lines);
    }

    public String getWorkingDirectory() {
        return workingDirectory;
    }

    @DataBoundSetter
    public void setWorkingDirectory(String workingDirectory) {
        this.workingDirectory = Lines.blankToNull(workingDirectory);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Lines.blankToNull(timeout);
    }

    @Override
    String symbol() {
        return "script";
    }

    @Override
    public Tree toTree() {
        return new Tree()
                .put("command", command)
                .put("workingDirectory", workingDirectory)
                .put("timeout", timeout);
    }

    @Extension
    @Symbol("script")
    public static class DescriptorImpl extends Descriptor<Deploy> {
        @Override
        public String getDisplayName() {
            return Messages.ScriptDeploy_DisplayName();
        }
    }
}
