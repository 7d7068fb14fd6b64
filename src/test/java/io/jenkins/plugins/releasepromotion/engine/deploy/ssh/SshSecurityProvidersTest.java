package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static io.jenkins.plugins.releasepromotion.engine.deploy.ssh.TestSshServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A deploy leaves the JVM's security providers as it found them, even when our classes, SSHD and Bouncy Castle come
 * from a class loader of their own, as they do on an agent.
 *
 * <p>What it guards against, in sshd-common 2.20.0 (the jar's line table matches the source at tag sshd-2.17.1):
 * {@code SecurityUtils#register} (line 461) instantiates the registrars named by {@code
 * org.apache.sshd.security.registrars}, Bouncy Castle's among them by default (line 142), the first time anything
 * asks for a security entity, and {@code SecurityProviderRegistrar#registerSecurityProvider} lines 327-328 then call
 * {@code Security.addProvider(p)} unless the registrar's {@code useNamed} property is false; it is true by default
 * ({@code SecurityProviderChoice#isNamedProviderUsed}, line 59). Bouncy Castle is added only when no provider named
 * "BC" is registered yet ({@code SecurityProviderRegistrar} lines 320-323), so the test removes one a previous test may
 * have left, and puts it back.
 *
 * <p>On the agent, remoting runs a callable with the channel's class loader as the context class loader (remoting
 * 3352.v17a_fb_4b_2773f, the version Jenkins 2.541.3 bundles: {@code UserRequest#perform} lines 159 and 222); that
 * loader belongs to one channel ({@code Channel#importedClassLoaders}, line 183) and is gone after a reconnect, while a
 * provider it registered would stay in {@link Security} for the life of the JVM.
 */
class SshSecurityProvidersTest extends SshDeployContract {

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aDeployFromAnAgentClassLoaderRegistersNoSecurityProvider(TestSshServer server) throws Exception {
        Provider leftOver = Security.getProvider("BC");
        if (leftOver != null) {
            Security.removeProvider("BC");
        }
        List<Provider> before = List.of(Security.getProviders());
        try (URLClassLoader agent = AgentLoaderDeploy.newAgentLoader()) {
            List<String> output = AgentLoaderDeploy.run(
                    agent,
                    HOST,
                    String.valueOf(server.port()),
                    TestSshServer.user(),
                    server.hostKey().knownHostsLine(HOST, server.port()),
                    checkout.directory().toString(),
                    userKey.privateKey(),
                    userKey.passphrase(),
                    "echo deployed");

            // The deploy key is an encrypted ed25519 key: reading and using it needs Bouncy Castle.
            assertThat(userKey.publicKey()).startsWith("ssh-ed25519 ");
            assertThat(output).contains("deployed", "exit 0");
            assertThat(List.of(Security.getProviders())).containsExactlyElementsOf(before);
            assertThat(Security.getProviders()).noneMatch(p -> p.getClass().getClassLoader() == agent);
        } finally {
            if (leftOver != null && Security.getProvider("BC") == null) {
                Security.addProvider(leftOver);
            }
        }
    }
}
