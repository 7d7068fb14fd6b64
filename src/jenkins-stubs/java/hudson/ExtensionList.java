// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
public class ExtensionList<T> extends AbstractList<T> {
    private final List<T> items = new ArrayList<>();
    protected ExtensionList() {}
    public static <U> U lookupSingleton(Class<U> type) {
        return jenkins.model.Jenkins.get().getExtensionList(type).get(0);
    }
    @Override
    public boolean add(T item) { return items.add(item); }
    @Override
    public T get(int index) { return items.get(index); }
    @Override
    public int size() { return items.size(); }
}
