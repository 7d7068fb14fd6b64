// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.steps;
import hudson.model.Descriptor;
import java.util.Set;
public abstract class StepDescriptor extends Descriptor<Step> {
    protected StepDescriptor() {}
    public abstract Set<? extends Class<?>> getRequiredContext();
    public abstract String getFunctionName();
}
