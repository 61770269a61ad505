package invoicegroups.data;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for DynamoDB's BatchWriteItem that simulates its partial answers: DynamoDB leaves part of a batch in
 * {@code UnprocessedItems} when a partition's throughput is exceeded, and DynamoDB Local never does. A loopback server
 * speaking DynamoDB's JSON protocol (AWS JSON 1.0, {@code X-Amz-Target: DynamoDB_20120810.BatchWriteItem}). Shared
 * with ops' import tests (this module's test jar), which drive the command against it.
 */
public final class PartialBatchWrites implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    /** The ids of every put request received, call by call. */
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();

    private PartialBatchWrites(IntPredicate leavesHalf) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            ObjectNode answer = JSON.createObjectNode();
            ObjectNode unprocessed = answer.putObject("UnprocessedItems");
            if ("DynamoDB_20120810.BatchWriteItem".equals(target)) {
                for (var table : request.get("RequestItems").properties()) {
                    List<String> ids = new ArrayList<>();
                    table.getValue().forEach(write -> ids.add(write.get("PutRequest").get("Item").get("id").get("S")
                            .asString()));
                    calls.add(ids);
                    if (leavesHalf.test(calls.size())) {
                        ArrayNode left = unprocessed.putArray(table.getKey());
                        int size = table.getValue().size();
                        for (int i = size / 2; i < size; i++) {
                            left.add(table.getValue().get(i));
                        }
                    }
                }
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /**
     * @param leavesHalf which calls (numbered from 1) answer the second half of their put requests (the larger half,
     *                   so at least one) as UnprocessedItems; the others take every item
     */
    public static PartialBatchWrites start(IntPredicate leavesHalf) {
        try {
            return new PartialBatchWrites(leavesHalf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The ids of every put request received, call by call. */
    public List<List<String>> calls() {
        return calls;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
