package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Commands that switch maintenance mode on before a deploy and off after it, whatever happened. */
public class Maintenance implements Describable<Maintenance>, Tree.Node {
    private List<String> enable = new ArrayList<>();
    private List<String> disable = new ArrayList<>();

    @DataBoundConstructor
    public Maintenance() {}

    public List<String> getEnable() {
        return Lines.copy(enable);
    }

    @DataBoundSetter
    public void setEnable(List<String> enable) {
        this.enable = Lines.copy(enable);
    }

    /** The web form's view of {@link #getEnable()}: one argument per line. */
    public String getEnableLines() {
        return Lines.text(enable);
    }

    @DataBoundSetter
    public void setEnableLines(String lines) {
        this.enable = Lines.list(lines);
    }

    public List<String> getDisable() {
        return Lines.copy(disable);
    }

    @DataBoundSetter
    public void setDisable(List<String> disable) {
        this.disable = Lines.copy(disable);
    }

    /** The web form's view of {@link #getDisable()}: one argument per line. */
    public String getDisableLines() {
        return Lines.text(disable);
    }

    @DataBoundSetter
    public void setDisableLines(String lines) {
        this.disable = Lines.list(lines);
    }

    @Override
    public Tree toTree() {
        return new Tree().put("enable", enable).put("disable", disable);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<Maintenance> {
        @Override
        public String getDisplayName() {
            return Messages.Maintenance_DisplayName();
        }
    }
}
