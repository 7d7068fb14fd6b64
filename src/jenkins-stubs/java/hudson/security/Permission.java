// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.security;
public final class Permission {
    public final String name;
    public Permission(String name) { this.name = name; }
    @Override
    public String toString() { return "Permission[" + name + "]"; }
}
