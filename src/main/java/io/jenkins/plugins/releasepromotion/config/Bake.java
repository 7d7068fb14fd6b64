package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Watches the environment's health for a while after a deploy and its verification. */
public class Bake implements Describable<Bake>, Tree.Node {
    private final String duration;
    private String interval;

    @DataBoundConstructor
    public Bake(String duration) {
        this.duration = Lines.blankToNull(duration);
    }

    public String getDuration() {
        return duration;
    }

    public String getInterval() {
        return interval;
    }

    @DataBoundSetter
    public void setInterval(String interval) {
        this.interval = Lines.blankToNull(interval);
    }

    @Override
    public Tree toTree() {
        return new Tree().put("duration", duration).put("interval", interval);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<Bake> {
        @Override
        public String getDisplayName() {
            return Messages.Bake_DisplayName();
        }
    }
}
