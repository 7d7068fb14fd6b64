// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
public abstract class Actionable {
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    public void addAction(Action a) {
        actions.add(a);
    }
    public <T extends Action> List<T> getActions(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
    public <T extends Action> T getAction(Class<T> type) {
        return getActions(type).stream().findFirst().orElse(null);
    }
}
