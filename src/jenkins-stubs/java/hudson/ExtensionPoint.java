// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson;
public interface ExtensionPoint {}
