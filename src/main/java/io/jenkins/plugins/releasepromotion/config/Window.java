package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** A weekly period when deploys are allowed, e.g. Monday to Thursday, 09:00 to 16:00 in Europe/Berlin. */
public class Window implements Describable<Window>, Tree.Node {
    private final String from;
    private final String to;
    private List<String> days = new ArrayList<>();
    private String timeZone;

    @DataBoundConstructor
    public Window(String from, String to) {
        this.from = Lines.blankToNull(from);
        this.to = Lines.blankToNull(to);
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public List<String> getDays() {
        return Lines.copy(days);
    }

    @DataBoundSetter
    public void setDays(List<String> days) {
        this.days = Lines.copy(days);
    }

    /** The web form's view of {@link #getDays()}: days separated by commas or spaces. */
    public String getDaysText() {
        return String.join(", ", days);
    }

    @DataBoundSetter
    public void setDaysText(String text) {
        this.days = Lines.list(text == null ? null : text.replace(',', '\n').replace(' ', '\n'));
    }

    public String getTimeZone() {
        return timeZone;
    }

    @DataBoundSetter
    public void setTimeZone(String timeZone) {
        this.timeZone = Lines.blankToNull(timeZone);
    }

    @Override
    public Tree toTree() {
        return new Tree().put("days", days).put("from", from).put("to", to).put("timeZone", timeZone);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<Window> {
        @Override
        public String getDisplayName() {
            return Messages.Window_DisplayName();
        }
    }
}
