package io.jenkins.plugins.releasepromotion.engine.verify;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a response body one buffer at a time and stops at a limit: past it the subscription is cancelled, which
 * closes the connection, so a huge or endless body costs at most the limit in memory.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Content> {

    /** The body as text, or {@code tooLarge} with no text when it passed the limit. */
    record Content(String text, boolean tooLarge) {}

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Content> result = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

    private BoundedBody(int limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<Content> handler(int limit) {
        return info -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<Content> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.set(s);
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > limit) {
                subscription.get().cancel();
                result.complete(new Content(null, true));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
        subscription.get().request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Content(bytes.toString(StandardCharsets.UTF_8), false));
    }
}
