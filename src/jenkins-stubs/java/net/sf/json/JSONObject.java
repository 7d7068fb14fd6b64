// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package net.sf.json;
public final class JSONObject {
    public JSONObject() {}
}
