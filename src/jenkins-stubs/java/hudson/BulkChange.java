// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
// Behaves as core's hudson.BulkChange (jenkins-2.541.3): a per-thread stack of scopes; save() of an object in scope
// does nothing, commit() leaves the scope and saves once, close() without commit() leaves it without saving.
package hudson;
import hudson.model.Saveable;
import java.io.IOException;
public class BulkChange implements AutoCloseable {
    private static final ThreadLocal<BulkChange> INSCOPE = new ThreadLocal<>();
    private final Saveable saveable;
    private final BulkChange parent;
    private boolean completed;
    public BulkChange(Saveable saveable) {
        this.parent = current();
        this.saveable = saveable;
        INSCOPE.set(this);
    }
    public void commit() throws IOException {
        if (completed) return;
        completed = true;
        pop();
        saveable.save();
    }
    @Override
    public void close() { abort(); }
    public void abort() {
        if (completed) return;
        completed = true;
        pop();
    }
    private void pop() {
        if (current() != this) throw new AssertionError("Trying to save BulkChange that's not in scope");
        INSCOPE.set(parent);
    }
    public static BulkChange current() { return INSCOPE.get(); }
    public static boolean contains(Saveable s) {
        for (BulkChange b = current(); b != null; b = b.parent) {
            if (b.saveable == s) return true;
        }
        return false;
    }
}
