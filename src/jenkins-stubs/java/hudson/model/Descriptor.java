// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {}
    protected Descriptor(Class<? extends T> clazz) {}
    public String getDisplayName() { return getClass().getSimpleName(); }
    public String getId() { return getClass().getName(); }
    public synchronized void save() {}
    public synchronized void load() {}
}
