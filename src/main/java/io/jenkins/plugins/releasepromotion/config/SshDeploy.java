package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Logs in to the server with an SSH key credential, the host key pinned, and runs the deploy there. */
public class SshDeploy extends Deploy {
    private final String host;
    private final String user;
    private final String credentialsId;
    private final String directory;
    private Integer port;
    private String knownHosts;
    private String hostKey;
    private List<String> composeFiles;
    private String command;
    private String connectTimeout;
    private String commandTimeout;

    @DataBoundConstructor
    public SshDeploy(String host, String user, String credentialsId, String directory) {
        this.host = Lines.blankToNull(host);
        this.user = Lines.blankToNull(user);
        this.credentialsId = Lines.blankToNull(credentialsId);
        this.directory = Lines.blankToNull(directory);
        this.composeFiles = new ArrayList<>();
    }

    public String getHost() {
        return host;
    }

    public String getUser() {
        return user;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getDirectory() {
        return directory;
    }

    public Integer getPort() {
        return port;
    }

    @DataBoundSetter
    public void setPort(Integer port) {
        this.port = port;
    }

    public String getKnownHosts() {
        return knownHosts;
    }

    @DataBoundSetter
    public void setKnownHosts(String knownHosts) {
        this.knownHosts = Lines.blankToNull(knownHosts);
    }

    public String getHostKey() {
        return hostKey;
    }

    @DataBoundSetter
    public void setHostKey(String hostKey) {
        this.hostKey = Lines.blankToNull(hostKey);
    }

    public List<String> getComposeFiles() {
        return Lines.copy(composeFiles);
    }

    @DataBoundSetter
    public void setComposeFiles(List<String> composeFiles) {
        this.composeFiles = Lines.copy(composeFiles);
    }

    /** The web form's view of {@link #getComposeFiles()}: one file per line. */
    public String getComposeFilesLines() {
        return Lines.text(composeFiles);
    }

    @DataBoundSetter
    public void setComposeFilesLines(String lines) {
        this.composeFiles = Lines.list(lines);
    }

    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = Lines.blankToNull(command);
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    @DataBoundSetter
    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = Lines.blankToNull(connectTimeout);
    }

    public String getCommandTimeout() {
        return commandTimeout;
    }

    @DataBoundSetter
    public void setCommandTimeout(String commandTimeout) {
        this.commandTimeout = Lines.blankToNull(commandTimeout);
    }

    @Override
    String symbol() {
        return "ssh";
    }

    @Override
    public Tree toTree() {
        return new Tree()
                .put("host", host)
                .put("port", port)
                .put("user", user)
                .put("credentialsId", credentialsId)
                .put("knownHosts", knownHosts)
                .put("hostKey", hostKey)
                .put("directory", directory)
                .put("composeFiles", composeFiles)
                .put("command", command)
                .put("connectTimeout", connectTimeout)
                .put("commandTimeout", commandTimeout);
    }

    @Extension
    @Symbol("ssh")
    public static class DescriptorImpl extends Descriptor<Deploy> {
        @Override
        public String getDisplayName() {
            return Messages.SshDeploy_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsItems.sshKeys(item, credentialsId);
        }
    }
}
