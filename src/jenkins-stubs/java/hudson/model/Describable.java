// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new IllegalStateException("Jenkins is not running");
    }
}
