package io.jenkins.plugins.releasepromotion.engine.verify;

import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * The HTTP client of every check. Each exchange, body included, ends within the call's timeout; bodies are read up to
 * {@link #MAX_BODY_BYTES} and no further; redirects are followed up to {@link #MAX_REDIRECTS} times on the same
 * scheme, host and port only; TLS trusts the system's authorities, or only those of the environment's {@code
 * caFile}. Failures are a {@link ProbeException} of one line.
 */
public final class HttpProbe {
    public static final int MAX_BODY_BYTES = 1 << 20;
    public static final int MAX_REDIRECTS = 5;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final SSLContext tls;
    private final String problem;
    private final HttpClient client;
    private final CookieManager cookies;

    private HttpProbe(SSLContext tls, String problem) {
        this.tls = tls;
        this.problem = problem;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
        this.cookies = null;
    }

    private HttpProbe(HttpProbe same, CookieManager cookies) {
        this.tls = same.tls;
        this.problem = same.problem;
        this.client = same.client;
        this.cookies = cookies;
    }

    /**
     * A probe trusting the system's certificate authorities, or only those in {@code caFile} (PEM) when given. A
     * {@code caFile} that cannot be read makes every call fail with a message naming it.
     */
    public static HttpProbe forCaFile(String caFile) {
        if (caFile == null || caFile.isBlank()) {
            return SystemTrust.PROBE;
        }
        try {
            return new HttpProbe(PemTrust.context(caFile), null);
        } catch (ProbeException e) {
            return new HttpProbe(null, e.getMessage());
        }
    }

    /**
     * The probe trusting the system's authorities, without cookies, is one for the whole JVM: one client, one selector
     * thread and one pool of connections, however many checks and slots run at once. Connections the application closes
     * (a restart by a deploy) leave the pool as they close.
     */
    private static final class SystemTrust {
        static final HttpProbe PROBE = new HttpProbe((SSLContext) null, null);
    }

    /**
     * A probe with the same trust and client that keeps cookies between its calls, as a browser session does. The
     * cookies are its own: other probes on the same client neither send nor see them.
     */
    public HttpProbe withCookies() {
        return new HttpProbe(this, new CookieManager());
    }

    public HttpAnswer send(HttpCall call) throws ProbeException, InterruptedException {
        if (problem != null) {
            throw new ProbeException(problem);
        }
        HttpCall current = call;
        for (int redirects = 0; ; redirects++) {
            HttpAnswer answer = exchange(current);
            if (!answer.isRedirect()) {
                return answer;
            }
            if (redirects == MAX_REDIRECTS) {
                throw new ProbeException(call.describe() + ": more than " + MAX_REDIRECTS
                        + " redirects; point the check at the final URL");
            }
            current = Redirects.next(current, answer);
        }
    }

    private HttpAnswer exchange(HttpCall call) throws ProbeException, InterruptedException {
        CompletableFuture<HttpResponse<BoundedBody.Content>> future =
                client.sendAsync(request(call, cookies), BoundedBody.handler(MAX_BODY_BYTES));
        HttpResponse<BoundedBody.Content> response;
        try {
            response = future.get(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw ProbeFailures.noAnswer(call);
        } catch (ExecutionException e) {
            throw ProbeFailures.of(call, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
        keepCookies(call, response);
        if (response.body().tooLarge()) {
            throw new ProbeException(call.describe() + ": " + response.statusCode() + " with a body larger than 1 MiB;"
                    + " reading stopped there (a check endpoint should answer in a few kilobytes)");
        }
        String location = response.headers().firstValue("Location").orElse(null);
        boolean waited = response.headers().allValues("Preference-Applied").stream()
                .anyMatch(applied -> applied.toLowerCase(Locale.ROOT).contains("wait"));
        return new HttpAnswer(call.uri(), response.statusCode(), response.body().text(), location, waited);
    }

    private void keepCookies(HttpCall call, HttpResponse<?> response) throws ProbeException {
        if (cookies != null) {
            try {
                cookies.put(call.uri(), response.headers().map());
            } catch (IOException e) {
                throw new ProbeException(call.describe() + ": its cookies cannot be kept (" + e.getMessage() + ")");
            }
        }
    }

    private static HttpRequest request(HttpCall call, CookieManager cookies) throws ProbeException {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                    .timeout(call.timeout())
                    .method(
                            call.method(),
                            call.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(call.body()));
            call.headers().forEach(builder::header);
            if (cookies != null) {
                cookies.get(call.uri(), Map.of()).forEach((name, values) -> {
                    if (!values.isEmpty()) {
                        builder.header(name, String.join("; ", values));
                    }
                });
            }
            return builder.build();
        } catch (IOException e) {
            throw new ProbeException(call.describe() + ": its cookies cannot be read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new ProbeException(call.describe() + ": cannot be sent (" + e.getMessage() + "); fix the request");
        }
    }
}
