// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import hudson.ExtensionPoint;
public interface RootAction extends Action, ExtensionPoint {}
