// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
public interface Action extends ModelObject {
    String getIconFileName();
    @Override
    String getDisplayName();
    String getUrlName();
}
