package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Turns what the JDK's client throws into one line that says what happened and what to do about it. */
final class ProbeFailures {
    private ProbeFailures() {}

    static ProbeException of(HttpCall call, Throwable error) {
        String where = call.describe();
        String host = call.uri().getHost();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new ProbeException(
                        where + ": could not connect to " + hostPort(call) + " within "
                                + Times.text(HttpProbe.CONNECT_TIMEOUT) + "; is the host reachable from here?",
                        ProbeException.Reach.UNREACHABLE);
            }
            if (t instanceof HttpTimeoutException) {
                return noAnswer(call);
            }
            if (t instanceof SSLException) {
                return tls(where, host, innermost(t));
            }
            if (t instanceof ConnectException) {
                return new ProbeException(
                        where + ": connection to " + hostPort(call) + " refused; is the application running?",
                        ProbeException.Reach.DOWN);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new ProbeException(
                        where + ": unknown host " + host + "; check the URL and DNS", ProbeException.Reach.UNREACHABLE);
            }
        }
        return new ProbeException(
                where + ": connection failed (" + oneLine(innermost(error)) + ")", ProbeException.Reach.UNREACHABLE);
    }

    static ProbeException noAnswer(HttpCall call) {
        return new ProbeException(
                call.describe() + ": no answer within " + Times.text(call.timeout())
                        + "; the application is slow or hanging (raise timeout if it is only slow)",
                ProbeException.Reach.UNREACHABLE);
    }

    private static ProbeException tls(String where, String host, Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        String reason = message.contains("PKIX") || message.contains("certification path")
                ? "its certificate does not chain to a trusted authority"
                : DisplayText.of(oneLine(cause));
        return new ProbeException(where + ": TLS handshake with " + host + " failed (" + reason + "); if the"
                + " certificate comes from your own authority, set caFile on the environment to its PEM file");
    }

    private static String hostPort(HttpCall call) {
        int port = call.uri().getPort();
        if (port < 0) {
            port = "https".equals(call.uri().getScheme()) ? 443 : 80;
        }
        return call.uri().getHost() + ":" + port;
    }

    private static Throwable innermost(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
