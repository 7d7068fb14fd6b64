package jenkins.model;

import hudson.ExtensionList;
import hudson.security.ACL;
import hudson.security.Permission;
import java.io.File;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * A Jenkins for tests over the API declarations: a root directory, the permissions granted to everyone or to one user, and the
 * extensions registered by hand. It lives in {@code jenkins.model} to install itself as the running instance.
 */
public final class TestJenkins extends Jenkins {
    private final File root;
    private final Set<Permission> granted = new HashSet<>();
    private final Map<String, Set<Permission>> grantedTo = new HashMap<>();
    private final Map<Class<?>, ExtensionList<?>> extensions = new HashMap<>();

    private TestJenkins(File root) {
        this.root = root;
    }

    public static TestJenkins install(File root) {
        TestJenkins jenkins = new TestJenkins(root);
        HOLDER = () -> jenkins;
        return jenkins;
    }

    public static void uninstall() {
        HOLDER = () -> null;
    }

    public TestJenkins grant(Permission... permissions) {
        granted.addAll(Set.of(permissions));
        return this;
    }

    /** Grants permissions to one user only, as a matrix authorization strategy would. */
    public TestJenkins grantTo(String user, Permission... permissions) {
        grantedTo.computeIfAbsent(user, u -> new HashSet<>()).addAll(Set.of(permissions));
        return this;
    }

    public TestJenkins revokeAll() {
        granted.clear();
        grantedTo.clear();
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T> TestJenkins register(Class<T> type, T extension) {
        ((ExtensionList<T>) extensions.computeIfAbsent(type, t -> new ExtensionList<T>() {})).add(extension);
        return this;
    }

    @Override
    public File getRootDir() {
        return root;
    }

    @Override
    public ACL getACL() {
        return new ACL() {
            @Override
            public boolean hasPermission2(Authentication a, Permission permission) {
                return granted.contains(permission)
                        || grantedTo.getOrDefault(a.getName(), Set.of()).contains(permission);
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ExtensionList<T> getExtensionList(Class<T> type) {
        return (ExtensionList<T>) extensions.computeIfAbsent(type, t -> new ExtensionList<T>() {});
    }
}
