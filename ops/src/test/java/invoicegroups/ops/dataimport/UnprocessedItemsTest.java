package invoicegroups.ops.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import invoicegroups.ops.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DynamoDB answering part of a batch as {@code UnprocessedItems} (it does so when a partition's throughput is
 * exceeded; DynamoDB Local never does), simulated by a loopback server speaking DynamoDB's JSON protocol
 * (AWS JSON 1.0, {@code X-Amz-Target: DynamoDB_20120810.BatchWriteItem}).
 */
class UnprocessedItemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path directory;

    private HttpServer server;
    /** The ids of every put request received, call by call. */
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void unprocessedItemsAreSentAgainUntilDynamoDbTakesThem() throws IOException {
        // Calls 1 and 2 leave the second half of their batch unprocessed; later calls take everything.
        String endpoint = dynamoDb(call -> call <= 2);
        Path file = write(ImportTest.dataFile(Map.of("acme", 30)));

        Outcome imported = Outcome.of("import", file.toString(), "--endpoint", endpoint, "--table", "invoice-groups");

        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(calls.get(0)).hasSize(25);
        assertThat(calls.get(1)).as("only what was left unprocessed").containsExactlyElementsOf(
                calls.get(0).subList(12, 25));
        assertThat(calls.get(2)).containsExactlyElementsOf(calls.get(1).subList(6, 13));
        assertThat(calls).hasSize(4);
        List<String> everyIdTaken = new ArrayList<>();
        everyIdTaken.addAll(calls.get(0).subList(0, 12));
        everyIdTaken.addAll(calls.get(1).subList(0, 6));
        everyIdTaken.addAll(calls.get(2));
        everyIdTaken.addAll(calls.get(3));
        assertThat(everyIdTaken).hasSize(30).doesNotHaveDuplicates();
        assertThat(imported.out()).contains("4 BatchWriteItem calls, 20 unprocessed items retried");
    }

    @Test
    void itemsStillUnprocessedAfterTheLastAttemptAreOneLineAndExitOne() throws IOException {
        String endpoint = dynamoDb(call -> true);
        Path file = write(ImportTest.dataFile(Map.of("acme", 30)));

        Outcome failed = Outcome.of("import", file.toString(), "--endpoint", endpoint, "--table", "invoice-groups");

        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err().lines()).singleElement().satisfies(line -> assertThat(line).isEqualTo(
                "error: dynamodb:BatchWriteItem on table invoice-groups left 1 item(s) unprocessed after "
                        + ImportCommand.UNPROCESSED_ITEMS.maxAttempts() + " attempts (throughput exceeded?); 0 of 30"
                        + " invoice groups were written (an import can be run again: the same ids overwrite)"));
        assertThat(calls).hasSize(ImportCommand.UNPROCESSED_ITEMS.maxAttempts());
    }

    /**
     * A DynamoDB stand-in for BatchWriteItem: the calls {@code leavesHalf} picks (numbered from 1) answer the
     * second half of their put requests (the larger half, so at least one) as UnprocessedItems; the others take
     * every item.
     */
    private String dynamoDb(IntPredicate leavesHalf) throws IOException {
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
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Path write(JsonNode data) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "invoice-groups", ".json"),
                JSON.writeValueAsString(data), StandardCharsets.UTF_8);
    }
}
