package io.jenkins.plugins.releasepromotion.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** What the descriptors of the steps that work in a workspace share: their context and the environment field. */
abstract class WorkspaceStepDescriptor extends StepDescriptor {
    /**
     * The workspace and, for the commands of a script deploy, the launcher and environment of the enclosing
     * {@code node} (as decorated by {@code container}, {@code withEnv} and the like), as {@code sh} uses them.
     */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
    }

    @POST
    public ListBoxModel doFillEnvironmentItems(@AncestorInPath Item item) {
        return StepForms.environments(item, false);
    }

    @POST
    public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.checkEnvironment(item, value);
    }
}
