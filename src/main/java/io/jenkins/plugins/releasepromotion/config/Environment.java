package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** One deployment target: staging with its slots, production; how it is deployed, verified and guarded. */
public class Environment implements Describable<Environment>, Tree.Node {
    private final String name;
    private final Deploy deploy;
    private String kind;
    private Integer slots;
    private String url;
    private String caFile;
    private List<Check> checks = new ArrayList<>();
    private Gates gates;
    private Backup backup;
    private Maintenance maintenance;
    private Bake bake;

    @DataBoundConstructor
    public Environment(String name, Deploy deploy) {
        this.name = Lines.blankToNull(name);
        this.deploy = deploy;
    }

    public String getName() {
        return name;
    }

    public Deploy getDeploy() {
        return deploy;
    }

    public String getKind() {
        return kind;
    }

    @DataBoundSetter
    public void setKind(String kind) {
        this.kind = Lines.blankToNull(kind);
    }

    public Integer getSlots() {
        return slots;
    }

    @DataBoundSetter
    public void setSlots(Integer slots) {
        this.slots = slots;
    }

    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = Lines.blankToNull(url);
    }

    public String getCaFile() {
        return caFile;
    }

    @DataBoundSetter
    public void setCaFile(String caFile) {
        this.caFile = Lines.blankToNull(caFile);
    }

    public List<Check> getChecks() {
        return new ArrayList<>(checks);
    }

    @DataBoundSetter
    public void setChecks(List<Check> checks) {
        this.checks = checks == null ? new ArrayList<>() : new ArrayList<>(checks);
    }

    public Gates getGates() {
        return gates;
    }

    @DataBoundSetter
    public void setGates(Gates gates) {
        this.gates = gates;
    }

    public Backup getBackup() {
        return backup;
    }

    @DataBoundSetter
    public void setBackup(Backup backup) {
        this.backup = backup;
    }

    public Maintenance getMaintenance() {
        return maintenance;
    }

    @DataBoundSetter
    public void setMaintenance(Maintenance maintenance) {
        this.maintenance = maintenance;
    }

    public Bake getBake() {
        return bake;
    }

    @DataBoundSetter
    public void setBake(Bake bake) {
        this.bake = bake;
    }

    @Override
    public Tree toTree() {
        return new Tree()
                .put("name", name)
                .put("kind", kind)
                .put("slots", slots)
                .put("url", url)
                .put("caFile", caFile)
                .put("deploy", deploy == null ? null : deploy.deployTree())
                .putAll("checks", checks)
                .put("gates", gates == null ? null : gates.toTree())
                .put("backup", backup == null ? null : backup.toTree())
                .put("maintenance", maintenance == null ? null : maintenance.toTree())
                .put("bake", bake == null ? null : bake.toTree());
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<Environment> {
        @Override
        public String getDisplayName() {
            return Messages.Environment_DisplayName();
        }

        @POST
        public ListBoxModel doFillKindItems() {
            return Choices.of("", "staging", "production", "other");
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value == null || value.isBlank()) {
                return FormValidation.error(Messages.Environment_NameRequired());
            }
            return FormValidation.ok();
        }
    }
}
