package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.FlowRequest;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Authorization} headers of a verification, looked up before any check runs: every secret is then known
 * to the masking of the log and the report before the first line is written. A credential that cannot be found fails
 * only the checks that use it.
 */
final class Authorizations {
    /** How a credential is sent: basic authentication, a bearer token, or whichever its type is (flows). */
    enum Scheme {
        BASIC,
        BEARER,
        EITHER
    }

    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private Secrets secrets;

    private Authorizations(Secrets secrets) {
        this.secrets = secrets;
    }

    static Authorizations resolve(List<CheckConfig> checks, Credentials credentials, Secrets known) {
        Authorizations all = new Authorizations(known);
        for (CheckConfig check : checks) {
            if (check.type() == CheckType.FLOWS) {
                for (FlowRequest request : check.requests()) {
                    all.add(credentials, request.credentialsId(), Scheme.EITHER);
                }
            } else if (check.type() == CheckType.DAG) {
                all.add(credentials, check.credentialsId(), scheme(check.auth()));
            }
        }
        return all;
    }

    static Scheme scheme(String auth) {
        return "bearer".equals(auth == null ? null : auth.toLowerCase(Locale.ROOT)) ? Scheme.BEARER : Scheme.BASIC;
    }

    /** The secrets given plus every credential looked up. */
    Secrets secrets() {
        return secrets;
    }

    /**
     * The {@code Authorization} header value, or {@code null} when no credential is named.
     *
     * @throws CredentialsException naming the ID when it was missing or of another type
     */
    String header(String credentialsId, Scheme scheme) {
        if (credentialsId == null || credentialsId.isBlank()) {
            return null;
        }
        String key = scheme + ":" + credentialsId;
        String problem = problems.get(key);
        if (problem != null) {
            throw new CredentialsException(problem);
        }
        return headers.get(key);
    }

    private void add(Credentials credentials, String id, Scheme scheme) {
        String key = scheme + ":" + id;
        if (id == null || id.isBlank() || headers.containsKey(key) || problems.containsKey(key)) {
            return;
        }
        try {
            headers.put(key, lookUp(credentials, id, scheme));
        } catch (CredentialsException e) {
            problems.put(key, e.getMessage());
        }
    }

    private String lookUp(Credentials credentials, String id, Scheme scheme) {
        if (scheme == Scheme.BEARER) {
            return bearer(credentials.secretText(id));
        }
        try {
            return basic(credentials.usernamePassword(id));
        } catch (CredentialsException e) {
            if (scheme == Scheme.BASIC) {
                throw e;
            }
            try {
                return bearer(credentials.secretText(id));
            } catch (CredentialsException notText) {
                throw e;
            }
        }
    }

    private String basic(Credentials.UsernamePassword user) {
        secrets = secrets.withBasicAuth(user.username(), user.password());
        String pair = user.username() + ":" + user.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private String bearer(Credentials.SecretText token) {
        secrets = secrets.with(token.secret());
        return "Bearer " + token.secret();
    }
}
