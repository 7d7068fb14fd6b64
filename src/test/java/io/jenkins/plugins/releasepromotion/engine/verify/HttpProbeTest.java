package io.jenkins.plugins.releasepromotion.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP rules every check relies on, against real loopback servers. */
class HttpProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path certificates;

    private static SelfSigned certificate;
    private TestServer server;
    private final HttpProbe probe = HttpProbe.forCaFile(null);

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = SelfSigned.create(certificates);
    }

    @BeforeEach
    void start() throws IOException {
        server = TestServer.http().on("/api/version", TestServer.answer(200, "{\"branch\":\"v1.2.3\"}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpCall get(String url) throws ProbeException {
        return HttpCall.get(HttpCall.resolve(url, ""), TIMEOUT);
    }

    @Test
    void readsAnAnswer() throws Exception {
        HttpAnswer answer = probe.send(get(server.url() + "/api/version"));
        assertThat(answer.statusLine()).isEqualTo("200 OK");
        assertThat(answer.body()).isEqualTo("{\"branch\":\"v1.2.3\"}");
    }

    @Test
    void aRefusedConnectionIsOneLineNamingHostAndPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/api/health";
        assertThatThrownBy(() -> probe.send(get(url)))
                .isInstanceOf(ProbeException.class)
                .hasMessage(
                        "GET " + url + ": connection to 127.0.0.1:" + port + " refused; is the application running?");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        server.on("/hang", server.hanging());
        HttpCall call = HttpCall.get(HttpCall.resolve(server.url(), "/hang"), Duration.ofMillis(300));
        assertThatThrownBy(() -> probe.send(call))
                .hasMessage("GET " + server.url() + "/hang: no answer within 0.3 s; the application is slow or"
                        + " hanging (raise timeout if it is only slow)");
    }

    @Test
    void aHugeBodyIsReadOnlyUpToTheLimitAndNeverWhole() throws Exception {
        long fifty = 50L << 20;
        AtomicLong written = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        server.on("/huge", TestServer.streaming(fifty, written, done));
        assertThatThrownBy(() -> probe.send(get(server.url() + "/huge")))
                .hasMessage("GET " + server.url() + "/huge: 200 with a body larger than 1 MiB; reading stopped there"
                        + " (a check endpoint should answer in a few kilobytes)");
        assertThat(done.await(30, TimeUnit.SECONDS))
                .as("server saw the client hang up")
                .isTrue();
        assertThat(written.get()).as("bytes the server got out").isLessThan(16L << 20);
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() throws Exception {
        server.on("/big", TestServer.answer(200, "y".repeat(HttpProbe.MAX_BODY_BYTES)));
        assertThat(probe.send(get(server.url() + "/big")).body()).hasSize(HttpProbe.MAX_BODY_BYTES);
    }

    @Test
    void followsARedirectOnTheSameHost() throws Exception {
        server.on("/old", TestServer.redirect("/api/version"));
        HttpAnswer answer = probe.send(get(server.url() + "/old"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.uri().getPath()).isEqualTo("/api/version");
    }

    @Test
    void refusesARedirectToAnotherHost() throws Exception {
        server.on("/away", TestServer.redirect("http://elsewhere.example.com/api/version"));
        assertThatThrownBy(() -> probe.send(get(server.url() + "/away")))
                .hasMessage("GET " + server.url() + "/away: redirects to http://elsewhere.example.com, another host;"
                        + " redirects are followed only on " + server.url() + ", so point the check at the final URL");
    }

    @Test
    void refusesARedirectToAnotherPortOfTheSameHost() throws Exception {
        try (TestServer other = TestServer.http()) {
            server.on("/port", TestServer.redirect(other.url() + "/api/version"));
            assertThatThrownBy(() -> probe.send(get(server.url() + "/port")))
                    .hasMessageContaining("redirects to " + other.url() + ", another host");
        }
    }

    @Test
    void stopsAfterFiveRedirects() throws Exception {
        server.on("/loop", TestServer.redirect("/loop"));
        assertThatThrownBy(() -> probe.send(get(server.url() + "/loop")))
                .hasMessage("GET " + server.url() + "/loop: more than 5 redirects; point the check at the final URL");
    }

    @Test
    void trustsASelfSignedServerThroughCaFile() throws Exception {
        try (TestServer tls = TestServer.https(certificate.serverContext())) {
            tls.on("/api/health", TestServer.answer(200, "{}"));
            HttpProbe trusting = HttpProbe.forCaFile(certificate.pem.toString());
            assertThat(trusting.send(get(tls.url() + "/api/health")).status()).isEqualTo(200);
        }
    }

    @Test
    void refusesASelfSignedServerWithoutCaFileInOneLine() throws Exception {
        try (TestServer tls = TestServer.https(certificate.serverContext())) {
            tls.on("/api/health", TestServer.answer(200, "{}"));
            assertThatThrownBy(() -> probe.send(get(tls.url() + "/api/health")))
                    .hasMessage("GET " + tls.url() + "/api/health: TLS handshake with 127.0.0.1 failed (its"
                            + " certificate does not chain to a trusted authority); if the certificate comes from"
                            + " your own authority, set caFile on the environment to its PEM file");
        }
    }

    @Test
    void theChecksOfAnEnvironmentTrustItsCaFile() throws Exception {
        try (TestServer tls = TestServer.https(certificate.serverContext())) {
            tls.on("/api/version", TestServer.answer(200, Harness.goodVersion()));
            VerificationTarget withCa = new VerificationTarget(
                    Harness.staging(tls.url(), certificate.pem.toString()), 1, Harness.TAG, Harness.COMMIT, null);
            VerificationReport report = new Harness()
                    .verify(withCa, CheckBuilder.of(CheckType.VERSION).build());
            assertThat(report.passed()).isTrue();
            VerificationReport without = new Harness()
                    .verify(
                            Harness.slot1(tls.url()),
                            CheckBuilder.of(CheckType.VERSION).build());
            assertThat(Harness.only(without).message()).contains("TLS handshake with 127.0.0.1 failed");
        }
    }

    @Test
    void aCaFileThatIsNotPemFailsEveryCallNamingTheFile() throws Exception {
        Path notPem = Files.writeString(certificates.resolve("not.pem"), "hello");
        HttpProbe broken = HttpProbe.forCaFile(notPem.toString());
        assertThatThrownBy(() -> broken.send(get(server.url() + "/api/version")))
                .hasMessageStartingWith("caFile " + notPem + " is not a PEM file of certificates")
                .hasMessageEndingWith("; give the CA's certificate in PEM form");
        assertThatThrownBy(() -> HttpProbe.forCaFile("/no/such/ca.pem").send(get(server.url())))
                .hasMessage("caFile /no/such/ca.pem does not exist; fix the path or remove caFile");
    }
}
