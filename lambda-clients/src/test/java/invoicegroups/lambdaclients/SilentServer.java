package invoicegroups.lambdaclients;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A hung dependency on loopback: accepts every connection and never answers, until closed. What a function's
 * timeouts are tested against (a DynamoDB endpoint that does not answer).
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new ArrayList<>();

    private SilentServer(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptForever, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SilentServer start() throws IOException {
        return new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** {@code http://127.0.0.1:<port>}: an endpoint override. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Closes the server, then every connection it accepted. */
    @Override
    public void close() throws IOException {
        server.close();
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
