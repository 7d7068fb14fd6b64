// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson;
import java.util.AbstractList;
public class ExtensionList<T> extends AbstractList<T> {
    protected ExtensionList() {}
    public static <U> U lookupSingleton(Class<U> type) {
        return jenkins.model.Jenkins.get().getExtensionList(type).get(0);
    }
    @Override
    public T get(int index) { throw new IndexOutOfBoundsException(index); }
    @Override
    public int size() { return 0; }
}
