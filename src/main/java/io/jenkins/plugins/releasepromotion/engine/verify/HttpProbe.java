package io.jenkins.plugins.releasepromotion.engine.verify;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
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

    private HttpProbe(SSLContext tls, String problem, boolean cookies) {
        this.tls = tls;
        this.problem = problem;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT);
        if (tls != null) {
            builder.sslContext(tls);
        }
        if (cookies) {
            builder.cookieHandler(new CookieManager());
        }
        this.client = builder.build();
    }

    /**
     * A probe trusting the system's certificate authorities, or only those in {@code caFile} (PEM) when given. A
     * {@code caFile} that cannot be read makes every call fail with a message naming it.
     */
    public static HttpProbe forCaFile(String caFile) {
        if (caFile == null || caFile.isBlank()) {
            return new HttpProbe(null, null, false);
        }
        try {
            return new HttpProbe(PemTrust.context(caFile), null, false);
        } catch (ProbeException e) {
            return new HttpProbe(null, e.getMessage(), false);
        }
    }

    /** A probe with the same trust that keeps cookies between its calls, as a browser session does. */
    public HttpProbe withCookies() {
        return new HttpProbe(tls, problem, true);
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
                client.sendAsync(request(call), BoundedBody.handler(MAX_BODY_BYTES));
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
        if (response.body().tooLarge()) {
            throw new ProbeException(call.describe() + ": " + response.statusCode() + " with a body larger than 1 MiB;"
                    + " reading stopped there (a check endpoint should answer in a few kilobytes)");
        }
        String location = response.headers().firstValue("Location").orElse(null);
        boolean waited = response.headers().allValues("Preference-Applied").stream()
                .anyMatch(applied -> applied.toLowerCase(Locale.ROOT).contains("wait"));
        return new HttpAnswer(call.uri(), response.statusCode(), response.body().text(), location, waited);
    }

    private static HttpRequest request(HttpCall call) throws ProbeException {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                    .timeout(call.timeout())
                    .method(
                            call.method(),
                            call.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(call.body()));
            call.headers().forEach(builder::header);
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ProbeException(call.describe() + ": cannot be sent (" + e.getMessage() + "); fix the request");
        }
    }
}
