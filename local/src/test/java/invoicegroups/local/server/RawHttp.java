package invoicegroups.local.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: bytes out as given, the answers read
 * back and split by their Content-Length.
 */
final class RawHttp {

    /** One answer: status, headers (names in lower case), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    static Socket connect(URI base) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    /**
     * Sends the request, closes the sending side (so a body shorter than announced ends there), and reads every
     * answer until the server closes or {@code timeoutMillis} pass without a byte.
     *
     * @param headRequest whether the first request is a HEAD (its answer has no body)
     */
    static List<Answer> exchange(URI base, byte[] request, int timeoutMillis, boolean headRequest) throws IOException {
        try (Socket socket = connect(base)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                // The server may answer and close before taking everything (a body over the limit): read its answer.
            }
            return parse(readAll(socket.getInputStream()), headRequest);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException stopped) {
            // what arrived is what there is
        }
        return received.toByteArray();
    }

    /** Reads one answer's head and body from a live connection. */
    static Answer readOne(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before an answer");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        List<Answer> parsed = parse(head.toByteArray(), true);
        Answer answer = parsed.get(0);
        int length = Integer.parseInt(answer.headers().getOrDefault("content-length", "0"));
        return new Answer(answer.status(), answer.headers(), in.readNBytes(length));
    }

    static List<Answer> parse(byte[] bytes, boolean firstIsHead) {
        List<Answer> answers = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf("\r\n\r\n", at);
            if (end < 0) {
                throw new IllegalStateException("an incomplete answer: " + text.substring(at, Math.min(text.length(), at + 200)));
            }
            String[] lines = text.substring(at, end).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
                throw new IllegalStateException("not an HTTP answer: " + lines[0]);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            int bodyStart = end + 4;
            // A HEAD's answer has no body, unless the server could not read the request as a HEAD at all.
            boolean noBody = firstIsHead && answers.isEmpty()
                    && (bodyStart >= text.length() || text.startsWith("HTTP/1.", bodyStart));
            int length = noBody ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
            int bodyEnd = Math.min(text.length(), bodyStart + length);
            byte[] body = text.substring(bodyStart, bodyEnd).getBytes(StandardCharsets.ISO_8859_1);
            answers.add(new Answer(Integer.parseInt(statusLine[1]), headers, body));
            at = bodyEnd;
        }
        return answers;
    }
}
