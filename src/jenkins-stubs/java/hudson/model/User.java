// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import java.util.List;
public class User {
    private final String id;
    protected User(String id) { this.id = id; }
    public static User getById(String id, boolean create) { return null; }
    public String getId() { return id; }
    public List<String> getAuthorities() { return List.of(); }
}
