package invoicegroups.ops.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.DynamoDbClients;
import invoicegroups.boundary.ListInvoiceGroupsHandler;
import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.ops.Outcome;
import invoicegroups.table.AuthorizerContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ops import} against DynamoDB Local: what it writes is exactly what the function lists back; a bad file
 * writes nothing; every failure is one line and a non-zero exit status.
 */
class ImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EmbeddedDynamoDb dynamoDbLocal;
    private static DynamoDbClient dynamoDb;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
        dynamoDb = dynamoDbLocal.newClient();
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        dynamoDbLocal.close();
    }

    @Test
    void anImportedFileIsListedBackExactlyInstantsComparedAsInstants() throws IOException {
        String table = newTable();
        Path file = write(dataFile(Map.of("acme", 60, "globex", 3)));

        Outcome imported = importInto(table, file.toString());

        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out().strip()).isEqualTo("imported 63 invoice groups of 2 tenants from " + file
                + " into table " + table + " (the local runner at " + dynamoDbLocal.endpoint()
                + "): 3 BatchWriteItem calls, 0 unprocessed items retried");
        JsonNode expected = JSON.readTree(file.toFile());
        for (String tenant : List.of("acme", "globex")) {
            assertThat(normalised(listAll(table, tenant))).as(tenant)
                    .isEqualTo(normalised(expected.get(tenant)));
        }
    }

    @Test
    void importingTheSameFileAgainOverwritesTheSameIds() throws IOException {
        String table = newTable();
        Path file = write(dataFile(Map.of("acme", 30)));

        assertThat(importInto(table, file.toString()).status()).isZero();
        assertThat(importInto(table, file.toString()).status()).isZero();

        assertThat(itemCount(table)).isEqualTo(30);
    }

    @Test
    void aFileWithOneBadRecordWritesNothing() throws IOException {
        String table = newTable();
        ObjectNode data = dataFile(Map.of("acme", 60));
        ((ObjectNode) data.get("acme").get(54)).put("createdAt", "yesterday");
        Path file = write(data);

        Outcome refused = importInto(table, file.toString());

        assertThat(refused.status()).isEqualTo(3);
        assertThat(refused.errorLine()).isEqualTo("error: " + file + ": tenant \"acme\", record 55 (id \"ig_acme_055\"): "
                + "field \"createdAt\" must be an RFC 3339 date-time with an offset, such as 2023-07-26T12:36:56.580150Z");
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(refused.out()).isEmpty();
        assertThat(itemCount(table)).isZero();
    }

    @Test
    void aDryRunChecksTheFileAndWritesNothing() throws IOException {
        String table = newTable();
        Path file = write(dataFile(Map.of("acme", 5, "globex", 2)));

        Outcome dryRun = importInto(table, file.toString(), "--dry-run");

        assertThat(dryRun.status()).as(dryRun.err()).isZero();
        assertThat(dryRun.out().strip())
                .isEqualTo("dry run: " + file + " holds 7 valid invoice groups of 2 tenants; nothing written");
        assertThat(itemCount(table)).isZero();
    }

    @Test
    void aFileWithInvalidUtf8WritesNothingAndNamesTheByteOffset() throws IOException {
        String table = newTable();
        byte[] valid = JSON.writeValueAsString(dataFile(Map.of("acme", 3))).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = valid.length / 2;
        valid[at] = (byte) 0xFF;
        Path file = Files.write(directory.resolve("broken.json"), valid);

        Outcome imported = importInto(table, file.toString());

        assertThat(imported.status()).isEqualTo(3);
        assertThat(imported.errorLine()).isEqualTo("error: " + file + ": not valid UTF-8 at byte offset " + at);
        assertThat(itemCount(table)).isZero();
    }

    @Test
    void progressGoesToStandardErrorOnLongRuns() throws IOException {
        String table = newTable();
        Path file = write(dataFile(Map.of("acme", 2100)));

        Outcome imported = importInto(table, file.toString());

        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.err().lines()).containsExactly(
                "imported 1000 of 2100 invoice groups", "imported 2000 of 2100 invoice groups");
        assertThat(itemCount(table)).isEqualTo(2100);
    }

    @Test
    void everyFailureIsOneLineAndANonZeroExit() throws IOException {
        Path file = write(dataFile(Map.of("acme", 1)));
        assertOneLine(Outcome.of("import"), 2, "error: Missing required parameter: 'FILE' (see ops import --help)");
        assertOneLine(Outcome.of("import", "a.json", "b.json"), 2, "error: Unmatched argument at index 2: 'b.json'");
        assertOneLine(Outcome.of("import", file.toString(), "--force", "yes"), 2, "error: Unknown options: '--force',"
                + " 'yes' (see ops import --help)");
        assertOneLine(Outcome.of("import", file.toString(), "--table", "x", "--endpoint", "http://127.0.0.1:9"), 2,
                "error: --table must be a DynamoDB table name");
        assertOneLine(Outcome.of("import", directory.resolve("missing.json").toString(), "--dry-run"), 3,
                "error: " + directory.resolve("missing.json") + ": no such file");
        assertOneLine(Outcome.of("import", file.toString(), "--endpoint", "http://127.0.0.1:9"), 1,
                "error: cannot reach the local runner at http://127.0.0.1:9 for dynamodb:BatchWriteItem");
        assertOneLine(importInto("no-such-table", file.toString()), 4, "error: table no-such-table not found");
    }

    private static void assertOneLine(Outcome outcome, int status, String start) {
        assertThat(outcome.status()).as(outcome.err()).isEqualTo(status);
        assertThat(outcome.err().lines()).singleElement().satisfies(line -> assertThat(line).startsWith(start));
    }

    private Outcome importInto(String table, String file, String... more) {
        List<String> args = new ArrayList<>(List.of("import", file, "--endpoint", dynamoDbLocal.endpoint().toString(),
                "--table", table));
        args.addAll(List.of(more));
        return Outcome.of(args.toArray(String[]::new));
    }

    private static String newTable() {
        String table = "imported-" + UUID.randomUUID();
        EmbeddedDynamoDb.createInvoiceGroupsTable(dynamoDb, table);
        return table;
    }

    private static int itemCount(String table) {
        return dynamoDb.scan(ScanRequest.builder().tableName(table).build()).count();
    }

    /** Every page of {@code tenant}'s listing, through the function's handler as Lambda calls it. */
    private static List<JsonNode> listAll(String table, String tenant) {
        Configuration configuration = Configuration.from(Map.of(
                "TABLE_NAME", table, "AWS_REGION", "us-east-1",
                "DYNAMODB_ENDPOINT", dynamoDbLocal.endpoint().toString()));
        ListInvoiceGroupsHandler handler =
                ListInvoiceGroupsHandler.create(configuration, DynamoDbClients.create(configuration));
        List<JsonNode> items = new ArrayList<>();
        String nextToken = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("pageSize", "7"));
            if (nextToken != null) {
                query.put("nextToken", nextToken);
            }
            APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
            context.setAuthorizer(Map.of(AuthorizerContext.TENANT_ID, tenant));
            APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                    .withHttpMethod("GET").withPath("/invoice_groups").withResource("/invoice_groups")
                    .withQueryStringParameters(query).withRequestContext(context);
            APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.getBody());
            page.get("data").forEach(items::add);
            nextToken = page.has("nextToken") ? page.get("nextToken").asString() : null;
        } while (nextToken != null);
        return items;
    }

    /** The items with createdAt and updatedAt as instants, so 09:30+02:00 equals 07:30Z. */
    private static List<Map<String, Object>> normalised(Iterable<JsonNode> items) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, Object> fields = JSON.convertValue(item, Map.class);
            fields.put("createdAt", Instant.parse(item.get("createdAt").asString()));
            fields.put("updatedAt", Instant.parse(item.get("updatedAt").asString()));
            result.add(fields);
        }
        return result;
    }

    /** {@code count} valid records per tenant, ids in order, with offsets and fractions in the date-times. */
    static ObjectNode dataFile(Map<String, Integer> counts) {
        ObjectNode root = JSON.createObjectNode();
        counts.keySet().stream().sorted().forEach(tenant -> {
            var records = root.putArray(tenant);
            for (int i = 1; i <= counts.get(tenant); i++) {
                ObjectNode record = records.addObject();
                record.put("id", String.format("ig_%s_%03d", tenant, i));
                record.put("name", tenant + " group " + i);
                record.put("email", "billing+" + i + "@" + tenant + ".example");
                record.put("dailyInvoiceConsolidation", i % 2 == 0);
                if (i % 3 != 0) {
                    record.put("netTermDays", i % 4 == 0 ? -5 : 30);
                }
                record.put("invoiceCurrency", i % 2 == 0 ? "EUR" : "USD");
                ObjectNode address = record.putObject("billingAddress");
                if (i % 5 != 0) {
                    address.put("line1", i + " Broadway Street");
                    address.put("city", "Florence");
                    address.put("country", "US");
                }
                record.put("accountsCount", i % 7 == 0 ? Integer.MAX_VALUE : i % 7);
                record.put("createdAt", "2024-05-01T09:30:" + String.format("%02d", i % 60) + "+02:00");
                record.put("updatedAt", "2024-05-02T10:00:00." + String.format("%06d", i) + "Z");
            }
        });
        return root;
    }

    private Path write(JsonNode data) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "invoice-groups", ".json"), JSON.writeValueAsString(data));
    }
}
