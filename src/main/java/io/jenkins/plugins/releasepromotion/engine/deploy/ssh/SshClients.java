package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * An SSH client that knows only what the configuration says: the pinned host key, the credential's key, public key
 * login. Nothing is read from the agent's {@code ~/.ssh} (no config file, no default keys, no known_hosts) and no
 * agent is asked, so a deploy behaves the same on every agent.
 */
final class SshClients {
    static {
        SshSecurity.configure();
    }

    /** A silent server is given up after this many unanswered keep-alives, one per {@link #HEARTBEAT}. */
    static final int UNANSWERED_HEARTBEATS = 4;

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final String ED25519 = "ssh-ed25519";

    private SshClients() {}

    static SshClient start(PinnedHostKeyVerifier verifier, Set<String> pinnedKeyTypes) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(verifier);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setAgentFactory(null);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.setSignatureFactories(hostKeyOrder(client.getSignatureFactories(), pinnedKeyTypes));
        // A deploy may print nothing for many minutes: no idle limit, but keep-alives notice a vanished server.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, UNANSWERED_HEARTBEATS);
        // Commands are short request and reply exchanges; without this each one waits on a delayed TCP ack.
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
        return client;
    }

    /**
     * The host key algorithms with the pinned key types first, as OpenSSH orders them from known_hosts: a server with
     * several host keys then shows the pinned one. Without a known type (a bare fingerprint) ed25519 comes first, the
     * type the documentation tells people to pin. Certificate algorithms are left out: keys are pinned, not CAs.
     */
    static List<NamedFactory<Signature>> hostKeyOrder(List<NamedFactory<Signature>> defaults, Set<String> pinned) {
        Set<String> preferred = pinned.isEmpty() ? Set.of(ED25519) : pinned;
        List<NamedFactory<Signature>> plain = defaults.stream()
                .filter(factory -> !factory.getName().contains("-cert-"))
                .collect(Collectors.toCollection(ArrayList::new));
        plain.sort(
                Comparator.comparing(factory -> !preferred.contains(KeyUtils.getCanonicalKeyType(factory.getName()))));
        return plain;
    }
}
