package invoicegroups.ops.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.data.BatchWriter;
import invoicegroups.data.PartialBatchWrites;
import invoicegroups.ops.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ops import} against DynamoDB answering part of a batch as {@code UnprocessedItems} (it does so when a
 * partition's throughput is exceeded; DynamoDB Local never does), simulated by the data module's loopback stand-in
 * ({@link PartialBatchWrites}): the command's summary and its one-line failure.
 */
class UnprocessedItemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path directory;

    private PartialBatchWrites dynamoDb;

    @AfterEach
    void stop() {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    @Test
    void unprocessedItemsAreSentAgainUntilDynamoDbTakesThem() throws IOException {
        // Calls 1 and 2 leave the second half of their batch unprocessed; later calls take everything.
        String endpoint = dynamoDb(call -> call <= 2);
        List<List<String>> calls = dynamoDb.calls();
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
                        + BatchWriter.UNPROCESSED_ITEMS.maxAttempts() + " attempts (throughput exceeded?); 0 of 30"
                        + " invoice groups were written (an import can be run again: the same ids overwrite)"));
        assertThat(dynamoDb.calls()).hasSize(BatchWriter.UNPROCESSED_ITEMS.maxAttempts());
    }

    private String dynamoDb(IntPredicate leavesHalf) {
        dynamoDb = PartialBatchWrites.start(leavesHalf);
        return dynamoDb.endpoint();
    }

    private Path write(JsonNode data) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "invoice-groups", ".json"),
                JSON.writeValueAsString(data), StandardCharsets.UTF_8);
    }
}
