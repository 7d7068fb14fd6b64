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

/** One HTTP request of a {@code flows} check (login, dashboard, campaigns) and what its answer must hold. */
public class FlowRequest implements Describable<FlowRequest>, Tree.Node {
    private final String path;
    private String name;
    private String method;
    private List<NameValue> headers = new ArrayList<>();
    private String body;
    private String credentialsId;
    private Integer expectStatus;
    private List<JsonExpectation> expectJson = new ArrayList<>();
    private String expectBody;

    @DataBoundConstructor
    public FlowRequest(String path) {
        this.path = Lines.blankToNull(path);
    }

    public String getPath() {
        return path;
    }

    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = Lines.blankToNull(name);
    }

    public String getMethod() {
        return method;
    }

    @DataBoundSetter
    public void setMethod(String method) {
        this.method = Lines.blankToNull(method);
    }

    public List<NameValue> getHeaders() {
        return new ArrayList<>(headers);
    }

    @DataBoundSetter
    public void setHeaders(List<NameValue> headers) {
        this.headers = headers == null ? new ArrayList<>() : new ArrayList<>(headers);
    }

    public String getBody() {
        return body;
    }

    @DataBoundSetter
    public void setBody(String body) {
        this.body = Lines.blankToNull(body);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Lines.blankToNull(credentialsId);
    }

    public Integer getExpectStatus() {
        return expectStatus;
    }

    @DataBoundSetter
    public void setExpectStatus(Integer expectStatus) {
        this.expectStatus = expectStatus;
    }

    public List<JsonExpectation> getExpectJson() {
        return new ArrayList<>(expectJson);
    }

    @DataBoundSetter
    public void setExpectJson(List<JsonExpectation> expectJson) {
        this.expectJson = expectJson == null ? new ArrayList<>() : new ArrayList<>(expectJson);
    }

    public String getExpectBody() {
        return expectBody;
    }

    @DataBoundSetter
    public void setExpectBody(String expectBody) {
        this.expectBody = Lines.blankToNull(expectBody);
    }

    @Override
    public Tree toTree() {
        return new Tree()
                .put("name", name)
                .put("method", method)
                .put("path", path)
                .putAll("headers", headers)
                .put("body", body)
                .put("credentialsId", credentialsId)
                .put("expectStatus", expectStatus)
                .putAll("expectJson", expectJson)
                .put("expectBody", expectBody);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<FlowRequest> {
        @Override
        public String getDisplayName() {
            return Messages.FlowRequest_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsItems.any(item, credentialsId);
        }
    }
}
