package io.jenkins.plugins.releasepromotion.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for sample apps: one, or a pair that a {@code {slot}} URL template can name. */
public final class LoopbackPorts {
    private LoopbackPorts() {}

    /** A port free now. */
    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A prefix p such that the ports p1 and p2 are free now, for slots 1 and 2 behind {@code http://127.0.0.1:p{slot}}.
     */
    public static int freePrefixForTwoSlots() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int prefix = ThreadLocalRandom.current().nextInt(2000, 6000);
            if (isFree(prefix * 10 + 1) && isFree(prefix * 10 + 2)) {
                return prefix;
            }
        }
        throw new IOException("no two free loopback ports found for the staging slots");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
