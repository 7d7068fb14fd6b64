// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {}
    protected Descriptor(Class<? extends T> clazz) {}
    public String getDisplayName() { return getClass().getSimpleName(); }
    public String getId() { return getClass().getName(); }
    public synchronized void save() {}
    public synchronized void load() {}
    public boolean configure(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject json) throws FormException {
        return true;
    }
    public static final class FormException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String formField;
        public FormException(String message, String field) { super(message); this.formField = field; }
        public String getFormField() { return formField; }
    }
}
