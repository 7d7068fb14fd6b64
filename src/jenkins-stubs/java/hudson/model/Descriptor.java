// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
public abstract class Descriptor<T extends Describable<T>> implements Saveable {
    public final transient Class<? extends T> clazz;
    @SuppressWarnings("unchecked")
    protected Descriptor() { this.clazz = (Class<? extends T>) getClass().getEnclosingClass(); }
    protected Descriptor(Class<? extends T> clazz) { this.clazz = clazz; }
    public String getDisplayName() { return getClass().getSimpleName(); }
    public String getId() { return getClass().getName(); }
    // The real one writes $JENKINS_HOME/<id>.xml, but not inside a BulkChange of this object (lines 963-971).
    @Override
    public synchronized void save() {
        if (hudson.BulkChange.contains(this)) return;
    }
    public synchronized void load() {}
    public boolean configure(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject json) throws FormException {
        return true;
    }
    // Core (lines 590-647): with a request, the form is bound by Stapler, req.bindJSON(clazz, formData).
    public T newInstance(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject formData) throws FormException {
        return req.bindJSON(clazz, formData);
    }
    public static final class FormException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String formField;
        public FormException(String message, String field) { super(message); this.formField = field; }
        public FormException(String message, Throwable cause, String field) { super(message, cause); this.formField = field; }
        public String getFormField() { return formField; }
    }
}
