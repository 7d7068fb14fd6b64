package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/** Extra rules a promotion into an environment passes: where tags come from, who approves, when deploys may run. */
public class Gates implements Describable<Gates>, Tree.Node {
    private String promotesFrom;
    private String maxAttestationAge;
    private String liveVersion;
    private List<String> approvers = new ArrayList<>();
    private Integer approvals;
    private String approverKeys;
    private List<Window> windows = new ArrayList<>();
    private List<Freeze> freezes = new ArrayList<>();

    @DataBoundConstructor
    public Gates() {}

    public String getPromotesFrom() {
        return promotesFrom;
    }

    @DataBoundSetter
    public void setPromotesFrom(String promotesFrom) {
        this.promotesFrom = Lines.blankToNull(promotesFrom);
    }

    public String getMaxAttestationAge() {
        return maxAttestationAge;
    }

    @DataBoundSetter
    public void setMaxAttestationAge(String maxAttestationAge) {
        this.maxAttestationAge = Lines.blankToNull(maxAttestationAge);
    }

    public String getLiveVersion() {
        return liveVersion;
    }

    @DataBoundSetter
    public void setLiveVersion(String liveVersion) {
        this.liveVersion = Lines.blankToNull(liveVersion);
    }

    public List<String> getApprovers() {
        return Lines.copy(approvers);
    }

    @DataBoundSetter
    public void setApprovers(List<String> approvers) {
        this.approvers = Lines.copy(approvers);
    }

    /** The web form's view of {@link #getApprovers()}: one user ID or group per line. */
    public String getApproversLines() {
        return Lines.text(approvers);
    }

    @DataBoundSetter
    public void setApproversLines(String lines) {
        this.approvers = Lines.list(lines);
    }

    public Integer getApprovals() {
        return approvals;
    }

    @DataBoundSetter
    public void setApprovals(Integer approvals) {
        this.approvals = approvals;
    }

    public String getApproverKeys() {
        return approverKeys;
    }

    @DataBoundSetter
    public void setApproverKeys(String approverKeys) {
        this.approverKeys = Lines.blankToNull(approverKeys);
    }

    public List<Window> getWindows() {
        return new ArrayList<>(windows);
    }

    @DataBoundSetter
    public void setWindows(List<Window> windows) {
        this.windows = windows == null ? new ArrayList<>() : new ArrayList<>(windows);
    }

    public List<Freeze> getFreezes() {
        return new ArrayList<>(freezes);
    }

    @DataBoundSetter
    public void setFreezes(List<Freeze> freezes) {
        this.freezes = freezes == null ? new ArrayList<>() : new ArrayList<>(freezes);
    }

    @Override
    public Tree toTree() {
        return new Tree()
                .put("promotesFrom", promotesFrom)
                .put("maxAttestationAge", maxAttestationAge)
                .put("liveVersion", liveVersion)
                .put("approvers", approvers)
                .put("approvals", approvals)
                .put("approverKeys", approverKeys)
                .putAll("windows", windows)
                .putAll("freezes", freezes);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<Gates> {
        @Override
        public String getDisplayName() {
            return Messages.Gates_DisplayName();
        }

        @POST
        public ListBoxModel doFillLiveVersionItems() {
            return Choices.of("", "require", "warn", "off");
        }
    }
}
