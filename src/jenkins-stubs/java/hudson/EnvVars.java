// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson;
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 4320331661987259022L;
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z0-9_]+|\\{[A-Za-z0-9_.]+\\}|\\$)");
    public static final Map<String, String> masterEnvVars = new EnvVars(System.getenv());
    public EnvVars() { super(String.CASE_INSENSITIVE_ORDER); }
    public EnvVars(Map<String, String> m) { this(); putAll(m); }
    public EnvVars(EnvVars m) { this((Map<String, String>) m); }
    public EnvVars(String... keyValuePairs) {
        this();
        if (keyValuePairs.length % 2 != 0) throw new IllegalArgumentException(String.join(",", keyValuePairs));
        for (int i = 0; i < keyValuePairs.length; i += 2) put(keyValuePairs[i], keyValuePairs[i + 1]);
    }
    public void override(String key, String value) {
        if (value == null || value.isEmpty()) { remove(key); return; }
        int idx = key.indexOf('+');
        if (idx > 0) {
            String realKey = key.substring(0, idx);
            String v = get(realKey);
            put(realKey, v == null ? value : value + File.pathSeparatorChar + v);
            return;
        }
        put(key, value);
    }
    public EnvVars overrideAll(Map<String, String> all) {
        for (Map.Entry<String, String> e : all.entrySet()) override(e.getKey(), e.getValue());
        return this;
    }
    // The real one orders the keys so that a value referring to another override sees it; in order suffices here.
    public EnvVars overrideExpandingAll(Map<String, String> all) {
        for (Map.Entry<String, String> e : all.entrySet()) override(e.getKey(), expand(e.getValue()));
        return this;
    }
    @Override
    public String put(String key, String value) {
        if (value == null) throw new IllegalArgumentException("Null value not allowed as an environment variable: " + key);
        return super.put(key, value);
    }
    public String expand(String s) {
        if (s == null) return null;
        int idx = 0;
        while (true) {
            Matcher m = VARIABLE.matcher(s);
            if (!m.find(idx)) return s;
            String key = m.group().substring(1);
            String value;
            if (key.charAt(0) == '$') {
                value = "$";
            } else {
                if (key.charAt(0) == '{') key = key.substring(1, key.length() - 1);
                value = get(key);
            }
            if (value == null) {
                idx = m.end();
            } else {
                s = s.substring(0, m.start()) + value + s.substring(m.end());
                idx = m.start() + value.length();
            }
        }
    }
}
