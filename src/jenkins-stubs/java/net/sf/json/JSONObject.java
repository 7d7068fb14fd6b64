// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
// The real json-lib JSONObject is a Map of the submitted form's fields (get, put, remove, keySet); so is this one.
package net.sf.json;
public final class JSONObject extends java.util.LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
    public JSONObject() {}
}
