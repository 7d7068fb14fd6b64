// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import java.util.List;
public class CauseAction implements Action {
    private final List<Cause> causes;
    public CauseAction(Cause... c) { this.causes = List.of(c); }
    public List<Cause> getCauses() { return causes; }
    @Override
    public String getIconFileName() { return null; }
    @Override
    public String getDisplayName() { return "Cause"; }
    @Override
    public String getUrlName() { return "cause"; }
}
