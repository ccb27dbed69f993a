package dev.pulse.tools.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of the shared OpenSearch that can simulate its outage without stopping it: refuse
 * (connections cut and closed), or answer every request with 503 or 429. Switching mode cuts live connections.
 */
final class FaultyProxy implements AutoCloseable {
    enum Mode {
        PASS,
        REFUSE,
        ANSWER_503,
        ANSWER_429
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong faulted = new AtomicLong();
    private volatile Mode mode = Mode.PASS;

    FaultyProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections or requests that met a fault. */
    long faulted() {
        return faulted.get();
    }

    void mode(Mode next) {
        mode = next;
        open.forEach(FaultyProxy::closeQuietly);
        open.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Mode current = mode;
                if (current == Mode.PASS) {
                    pipe(client);
                } else {
                    faulted.incrementAndGet();
                    Thread.ofVirtual().start(() -> fault(client, current));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket client) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        open.add(client);
        open.add(upstream);
        Thread.ofVirtual().start(() -> copy(client, upstream));
        Thread.ofVirtual().start(() -> copy(upstream, client));
    }

    private static void fault(Socket client, Mode mode) {
        try (client) {
            if (mode == Mode.REFUSE) {
                return;
            }
            InputStream in = client.getInputStream();
            in.read(new byte[8192]);
            String status = mode == Mode.ANSWER_503 ? "503 Service Unavailable" : "429 Too Many Requests";
            String body = "{\"error\":\"simulated outage\",\"status\":" + status.substring(0, 3) + "}";
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                            + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // the client gave up first; either way it saw a failure
        }
    }

    private void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // cut by mode() or closed by a peer
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        mode(Mode.REFUSE);
    }
}
