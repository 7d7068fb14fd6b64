package io.jenkins.plugins.releasepromotion.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** The backup taken before a deploy that brings new migrations. */
public class Backup implements Describable<Backup>, Tree.Node {
    private String migrationsPath;
    private List<String> command = new ArrayList<>();

    @DataBoundConstructor
    public Backup() {}

    public String getMigrationsPath() {
        return migrationsPath;
    }

    @DataBoundSetter
    public void setMigrationsPath(String migrationsPath) {
        this.migrationsPath = Lines.blankToNull(migrationsPath);
    }

    public List<String> getCommand() {
        return Lines.copy(command);
    }

    @DataBoundSetter
    public void setCommand(List<String> command) {
        this.command = Lines.copy(command);
    }

    /** The web form's view of {@link #getCommand()}: one argument per line. */
    public String getCommandLines() {
        return Lines.text(command);
    }

    @DataBoundSetter
    public void setCommandLines(String lines) {
        this.command = Lines.list(lines);
    }

    @Override
    public Tree toTree() {
        return new Tree().put("migrationsPath", migrationsPath).put("command", command);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<Backup> {
        @Override
        public String getDisplayName() {
            return Messages.Backup_DisplayName();
        }
    }
}
