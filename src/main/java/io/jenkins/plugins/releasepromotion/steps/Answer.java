package io.jenkins.plugins.releasepromotion.steps;

import java.io.Serial;
import java.io.Serializable;

/**
 * What the agent sends back: an answer, or the one-line reason there is none and what kind of failure it was. Work
 * sent to the agent carries and returns plain values only (text, numbers, lists, our own small classes), and an
 * expected failure comes back as a value, so nothing else crosses the channel.
 */
final class Answer<T extends Serializable> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    final T value;
    final String failure;
    final String kind;

    private Answer(T value, String failure, String kind) {
        this.value = value;
        this.failure = failure;
        this.kind = kind;
    }

    static <T extends Serializable> Answer<T> of(T value) {
        return new Answer<>(value, null, null);
    }

    static <T extends Serializable> Answer<T> failed(String kind, String message) {
        return new Answer<>(null, message, kind);
    }
}
