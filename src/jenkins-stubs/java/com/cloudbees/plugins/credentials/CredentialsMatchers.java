// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
// The matchers behave as the real ConstantMatcher, NotMatcher and ScopeMatcher (credentials 1502.v5c95e620ddfe).
package com.cloudbees.plugins.credentials;
public class CredentialsMatchers {
    private CredentialsMatchers() {}
    public static CredentialsMatcher always() { return item -> true; }
    public static CredentialsMatcher not(CredentialsMatcher matcher) { return item -> !matcher.matches(item); }
    public static CredentialsMatcher withScope(CredentialsScope scope) { return item -> item.getScope() == scope; }
    // IdMatcher: an IdCredentials whose ID equals the given one
    public static CredentialsMatcher withId(String id) {
        return item -> item instanceof com.cloudbees.plugins.credentials.common.IdCredentials c && id.equals(c.getId());
    }
    // lines 377-398: the first that matches, else null
    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        for (C c : credentials) {
            if (matcher.matches(c)) {
                return c;
            }
        }
        return null;
    }
}
