package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import org.apache.sshd.common.util.security.SecurityProviderRegistrar;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.common.util.security.SunJCESecurityProviderRegistrar;
import org.apache.sshd.common.util.security.bouncycastle.BouncyCastleSecurityProviderRegistrar;

/**
 * Lets SSHD use Bouncy Castle (ed25519 keys, the key formats it reads) without adding it to the JVM's security
 * providers. Left to itself, SSHD adds Bouncy Castle to {@link java.security.Security} the first time it is used,
 * from the class loader that holds SSHD: on a Jenkins agent that is the class loader of one connection, dropped when
 * the agent reconnects, while the provider would stay registered for the life of the JVM. Here SSHD is handed the
 * provider instance instead, and looks nothing up by name. Every class that uses SSHD's keys, signatures or sessions
 * calls {@link #configure} first: whichever comes first in a class loader decides for all of them.
 */
public final class SshSecurity {
    private static boolean configured;

    private SshSecurity() {}

    /** Before SSHD's first use in this class loader; later calls do nothing. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        if (SecurityUtils.isRegistrationCompleted()) {
            return;
        }
        // SSHD's own order of registrars: the JDK's first, for what it provides; Bouncy Castle for the rest.
        SecurityUtils.registerSecurityProvider(new SunJCESecurityProviderRegistrar());
        SecurityProviderRegistrar bouncyCastle = new BouncyCastleSecurityProviderRegistrar();
        bouncyCastle
                .getProperties()
                .put(
                        bouncyCastle.getConfigurationPropertyName(SecurityProviderRegistrar.NAMED_PROVIDER_PROPERTY),
                        false);
        if (SecurityUtils.registerSecurityProvider(bouncyCastle) != null) {
            // Otherwise SSHD would choose Bouncy Castle by its name for whatever no registrar claims.
            SecurityUtils.setDefaultProviderChoice(bouncyCastle);
        }
    }
}
