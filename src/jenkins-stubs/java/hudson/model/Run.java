// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import java.io.IOException;
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    protected final transient JobT project;
    public transient int number;
    protected Run(JobT job) throws IOException { this.project = job; }
    public JobT getParent() { return project; }
    public int getNumber() { return number; }
    public String getUrl() { return "job/" + project.getFullName() + "/" + number + "/"; }
    public String getExternalizableId() { return project.getFullName() + "#" + number; }
    public String getFullDisplayName() { return project.getFullName() + " #" + number; }
    public synchronized void save() throws IOException {}
    // As the real Run#addAction (jenkins-2.541.3 lines 417-424): no lock, and RunAction2#onAttached once added.
    @Override
    public void addAction(Action a) {
        super.addAction(a);
        if (a instanceof jenkins.model.RunAction2 attached) {
            attached.onAttached(this);
        }
    }
    public <T extends Cause> T getCause(Class<T> type) {
        for (CauseAction action : getActions(CauseAction.class)) {
            for (Cause c : action.getCauses()) {
                if (type.isInstance(c)) {
                    return type.cast(c);
                }
            }
        }
        return null;
    }
}
