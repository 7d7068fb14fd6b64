// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
// The matchers behave as the real ConstantMatcher, NotMatcher and ScopeMatcher (credentials 1502.v5c95e620ddfe).
package com.cloudbees.plugins.credentials;
public class CredentialsMatchers {
    private CredentialsMatchers() {}
    public static CredentialsMatcher always() { return item -> true; }
    public static CredentialsMatcher not(CredentialsMatcher matcher) { return item -> !matcher.matches(item); }
    public static CredentialsMatcher withScope(CredentialsScope scope) { return item -> item.getScope() == scope; }
}
