package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** A period when deploys are refused, e.g. the year-end freeze. */
public class Freeze implements Describable<Freeze>, Tree.Node {
    private final String from;
    private final String to;
    private String reason;

    @DataBoundConstructor
    public Freeze(String from, String to) {
        this.from = Lines.blankToNull(from);
        this.to = Lines.blankToNull(to);
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = Lines.blankToNull(reason);
    }

    @Override
    public Tree toTree() {
        return new Tree().put("from", from).put("to", to).put("reason", reason);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<Freeze> {
        @Override
        public String getDisplayName() {
            return Messages.Freeze_DisplayName();
        }
    }
}
