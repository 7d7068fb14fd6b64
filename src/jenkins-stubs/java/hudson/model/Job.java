// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements Item {
    private final String name;
    protected Job(ItemGroup parent, String name) { this.name = name; }
    @Override
    public String getFullName() { return name; }
}
