package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One verification check: its {@code type} ({@code version}, {@code health}, {@code flows}, {@code dag}, {@code logs},
 * {@code migrations}), the common fields and the fields of its type. The engine refuses a field of another type.
 */
public class Check implements Describable<Check>, Tree.Node {
    private final String type;
    private String name;
    private String mode;
    private String timeout;
    private Integer retries;
    private String backoff;
    private String path;
    private Integer consecutive;
    private List<FlowRequest> requests = new ArrayList<>();
    private String dagId;
    private String airflowUrl;
    private String credentialsId;
    private String auth;
    private String deadline;
    private List<NameValue> conf = new ArrayList<>();
    private List<String> command = new ArrayList<>();
    private List<String> failurePatterns = new ArrayList<>();
    private List<String> ignorePatterns = new ArrayList<>();
    private String jsonPointer;
    private String expected;

    @DataBoundConstructor
    public Check(String type) {
        this.type = Lines.blankToNull(type);
    }

    public String getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = Lines.blankToNull(name);
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Lines.blankToNull(mode);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Lines.blankToNull(timeout);
    }

    public String getBackoff() {
        return backoff;
    }

    @DataBoundSetter
    public void setBackoff(String backoff) {
        this.backoff = Lines.blankToNull(backoff);
    }

    public String getPath() {
        return path;
    }

    @DataBoundSetter
    public void setPath(String path) {
        this.path = Lines.blankToNull(path);
    }

    public String getDagId() {
        return dagId;
    }

    @DataBoundSetter
    public void setDagId(String dagId) {
        this.dagId = Lines.blankToNull(dagId);
    }

    public String getAirflowUrl() {
        return airflowUrl;
    }

    @DataBoundSetter
    public void setAirflowUrl(String airflowUrl) {
        this.airflowUrl = Lines.blankToNull(airflowUrl);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Lines.blankToNull(credentialsId);
    }

    public String getAuth() {
        return auth;
    }

    @DataBoundSetter
    public void setAuth(String auth) {
        this.auth = Lines.blankToNull(auth);
    }

    public String getDeadline() {
        return deadline;
    }

    @DataBoundSetter
    public void setDeadline(String deadline) {
        this.deadline = Lines.blankToNull(deadline);
    }

    public String getJsonPointer() {
        return jsonPointer;
    }

    @DataBoundSetter
    public void setJsonPointer(String jsonPointer) {
        this.jsonPointer = Lines.blankToNull(jsonPointer);
    }

    public String getExpected() {
        return expected;
    }

    @DataBoundSetter
    public void setExpected(String expected) {
        this.expected = Lines.blankToNull(expected);
    }

    public Integer getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(Integer retries) {
        this.retries = retries;
    }

    public Integer getConsecutive() {
        return consecutive;
    }

    @DataBoundSetter
    public void setConsecutive(Integer consecutive) {
        this.consecutive = consecutive;
    }

    public List<String> getCommand() {
        return Lines.copy(command);
    }

    @DataBoundSetter
    public void setCommand(List<String> command) {
        this.command = Lines.copy(command);
    }

    /** The web form's view of {@link #getCommand()}: one per line. */
    public String getCommandLines() {
        return Lines.text(command);
    }

    @DataBoundSetter
    public void setCommandLines(String lines) {
        this.command = Lines.list(lines);
    }

    public List<String> getFailurePatterns() {
        return Lines.copy(failurePatterns);
    }

    @DataBoundSetter
    public void setFailurePatterns(List<String> failurePatterns) {
        this.failurePatterns = Lines.copy(failurePatterns);
    }

    /** The web form's view of {@link #getFailurePatterns()}: one per line. */
    public String getFailurePatternsLines() {
        return Lines.text(failurePatterns);
    }

    @DataBoundSetter
    public void setFailurePatternsLines(String lines) {
        this.failurePatterns = Lines.list(lines);
    }

    public List<String> getIgnorePatterns() {
        return Lines.copy(ignorePatterns);
    }

    @DataBoundSetter
    public void setIgnorePatterns(List<String> ignorePatterns) {
        this.ignorePatterns = Lines.copy(ignorePatterns);
    }

    /** The web form's view of {@link #getIgnorePatterns()}: one per line. */
    public String getIgnorePatternsLines() {
        return Lines.text(ignorePatterns);
    }

    @DataBoundSetter
    public void setIgnorePatternsLines(String lines) {
        this.ignorePatterns = Lines.list(lines);
    }

    public List<FlowRequest> getRequests() {
        return new ArrayList<>(requests);
    }

    @DataBoundSetter
    public void setRequests(List<FlowRequest> requests) {
        this.requests = requests == null ? new ArrayList<>() : new ArrayList<>(requests);
    }

    public List<NameValue> getConf() {
        return new ArrayList<>(conf);
    }

    @DataBoundSetter
    public void setConf(List<NameValue> conf) {
        this.conf = conf == null ? new ArrayList<>() : new ArrayList<>(conf);
    }

    @Override
    public Tree toTree() {
        return new Tree()
                .put("type", type)
                .put("name", name)
                .put("mode", mode)
                .put("timeout", timeout)
                .put("retries", retries)
                .put("backoff", backoff)
                .put("path", path)
                .put("consecutive", consecutive)
                .putAll("requests", requests)
                .put("dagId", dagId)
                .put("airflowUrl", airflowUrl)
                .put("credentialsId", credentialsId)
                .put("auth", auth)
                .put("deadline", deadline)
                .putAll("conf", conf)
                .put("command", command)
                .put("failurePatterns", failurePatterns)
                .put("ignorePatterns", ignorePatterns)
                .put("jsonPointer", jsonPointer)
                .put("expected", expected);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<Check> {
        @Override
        public String getDisplayName() {
            return Messages.Check_DisplayName();
        }

        @POST
        public ListBoxModel doFillTypeItems() {
            return Choices.of("version", "health", "flows", "dag", "logs", "migrations");
        }

        @POST
        public ListBoxModel doFillModeItems() {
            return Choices.of("", "enforce", "warn", "shadow");
        }

        @POST
        public ListBoxModel doFillAuthItems() {
            return Choices.of("", "basic", "bearer");
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsItems.any(item, credentialsId);
        }
    }
}
