// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package jenkins.model;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {}
    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() { return this; }
    @Override
    public boolean configure(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject json) throws FormException {
        req.bindJSON(this, json);
        return true;
    }
}
