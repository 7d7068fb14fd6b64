// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
public abstract class Cause {
    protected Cause() {}
    public abstract String getShortDescription();
    public static class UserIdCause extends Cause {
        private final String userId;
        public UserIdCause(String userId) { this.userId = userId; }
        public String getUserId() { return userId; }
        @Override
        public String getShortDescription() { return "Started by user " + userId; }
    }
}
