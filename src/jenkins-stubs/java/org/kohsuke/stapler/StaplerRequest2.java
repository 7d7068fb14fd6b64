// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.kohsuke.stapler;
import net.sf.json.JSONObject;
public interface StaplerRequest2 {
    void bindJSON(Object bean, JSONObject src);
    <T> T bindJSON(Class<T> type, JSONObject src);
}
