package invoicegroups.local.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;

/**
 * The header timeout Jetty does not have: a connection whose request line and headers are not all in within the
 * limit, counted from the request's first byte, is answered 408 and closed. Jetty's idle timeout alone restarts at
 * every byte, so a client sending one byte every few seconds would keep a connection forever.
 *
 * <p>Run every {@link #PERIOD_MILLIS} ms; it looks at each connection's HTTP/1.1 parser: a parser past its start
 * state and before the body is reading a request's head, since {@link HttpParser#getBeginNanoTime()}. Blank lines
 * before a request (which the parser skips in its start state) count from when this sweep first saw them.
 */
final class HeaderDeadline implements Runnable {

    static final long PERIOD_MILLIS = 250;
    private static final byte[] TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n"
            + "Content-Length: 29\r\nConnection: close\r\n\r\n{\"message\":\"Request Timeout\"}")
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerConnector connector;
    private final long timeoutNanos;
    /** Connections seen sending blank lines before a request, and since when. */
    private final Map<Connection, Long> padding = new ConcurrentHashMap<>();

    HeaderDeadline(ServerConnector connector, long timeoutNanos) {
        this.connector = connector;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        padding.keySet().removeIf(connection -> !connection.getEndPoint().isOpen());
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (endPoint.getConnection() instanceof HttpConnection connection) {
                check(connection, now);
            }
        }
    }

    private void check(HttpConnection connection, long now) {
        HttpParser parser = connection.getParser();
        long since;
        if (!parser.inHeaderState()) {
            padding.remove(connection);
            return;
        }
        if (parser.isStart()) {
            if (parser.getHeaderLength() == 0) {
                padding.remove(connection);
                return;
            }
            since = padding.computeIfAbsent(connection, c -> now);
        } else {
            padding.remove(connection);
            since = parser.getBeginNanoTime();
        }
        if (now - since > timeoutNanos) {
            padding.remove(connection);
            EndPoint endPoint = connection.getEndPoint();
            // No answer has started on this connection: the head is still being read.
            endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()), ByteBuffer.wrap(TIMEOUT));
        }
    }
}
