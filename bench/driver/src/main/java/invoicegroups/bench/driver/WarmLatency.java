package invoicegroups.bench.driver;

import invoicegroups.lambdacontext.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.ListInvoiceGroupsHandler;
import invoicegroups.table.InvoiceGroupsTable;
import invoicegroups.table.AuthorizerContext;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Warm latency in one JVM: the handler on pages of 20 and 100 against the floor, a bare low-level
 * {@code DynamoDbClient.query} of the same page on the same client; and page 1 against page 1,000 of a deep tenant.
 * The series are interleaved in short blocks so that drift on a shared machine hits them alike. Prints one line per
 * series: {@code series=<name> n=<samples> medianMicros=<..> p99Micros=<..> meanMicros=<..>}.
 *
 * <p>Arguments: {@code warm <httpClient> <event file> <tenant> <rounds>} or
 * {@code deep <httpClient> <event file> <tenant> <rounds>} or
 * {@code profile <httpClient> <event file> <tenant> <page size> <seconds>}.
 */
public final class WarmLatency {

    private static final int BLOCK = 25;
    private static final int NEW_CLIENTS = 20;
    private static final Pattern NEXT_TOKEN = Pattern.compile("\"nextToken\":\"([^\"]+)\"");
    private static final Pattern LAST_ITEM_ID = Pattern.compile("\"lastItemId\":\"([^\"]+)\"");

    private final Context context = LocalLambdaContext.toStandardError("bench-request");

    private WarmLatency() {
    }

    public static void main(String[] args) throws Exception {
        WarmLatency bench = new WarmLatency();
        if (args[0].equals("warm")) {
            bench.warm(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]));
        } else if (args[0].equals("profile")) {
            bench.profile(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        } else {
            bench.deep(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]));
        }
    }

    private void warm(String httpClient, Path eventFile, String tenant, int rounds) throws Exception {
        Configuration configuration = Configuration.fromEnvironment();
        DynamoDbClient client = HttpClientVariants.client(configuration, httpClient);
        ListInvoiceGroupsHandler handler = HttpClientVariants.handler(configuration, client);
        Map<String, IntSupplier> series = new LinkedHashMap<>();
        // The cold start's own request (events/first-page.json as it is): what the first request after priming is
        // compared with.
        APIGatewayProxyRequestEvent sample = RestApiEvents.read(eventFile);
        series.put("handlerSample", () -> status(handler.handleRequest(sample, context)));
        for (int pageSize : new int[] {20, 100}) {
            APIGatewayProxyRequestEvent event = event(eventFile, tenant, pageSize, null);
            QueryRequest floor = floorQuery(configuration.tableName(), tenant, pageSize);
            series.put("handler" + pageSize, () -> status(handler.handleRequest(event, context)));
            series.put("floor" + pageSize, () -> client.query(floor).count() == pageSize + 1 ? 200 : 500);
        }
        run(series, rounds);
        newClients(configuration, httpClient, sample);
    }

    /**
     * The first request of a new client and handler, on code the warm-up compiled: what a first request costs that
     * must open its connection and resolve its credentials (as after a SnapStart restore), without any cold code.
     */
    private void newClients(Configuration configuration, String httpClient, APIGatewayProxyRequestEvent sample) {
        long[] nanos = new long[NEW_CLIENTS];
        for (int i = 0; i < NEW_CLIENTS; i++) {
            try (DynamoDbClient client = HttpClientVariants.client(configuration, httpClient)) {
                ListInvoiceGroupsHandler handler = HttpClientVariants.handler(configuration, client);
                long start = System.nanoTime();
                int status = status(handler.handleRequest(sample, context));
                nanos[i] = System.nanoTime() - start;
                if (status != 200) {
                    throw new IllegalStateException("a new client's first request answered " + status);
                }
            }
        }
        Arrays.sort(nanos);
        System.out.printf("series=newClientFirst n=%d medianMicros=%.1f p99Micros=%.1f meanMicros=%.1f%n", NEW_CLIENTS,
                percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3,
                Arrays.stream(nanos).average().orElse(0) / 1e3);
    }

    /**
     * The handler alone on one page size for a number of seconds, for a sampling profiler: run this JVM with
     * {@code -XX:StartFlightRecording=...} and read the samples with {@code jfr print --events jdk.ExecutionSample}
     * (README, Performance).
     */
    private void profile(String httpClient, Path eventFile, String tenant, int pageSize, int seconds)
            throws Exception {
        Configuration configuration = Configuration.fromEnvironment();
        ListInvoiceGroupsHandler handler = HttpClientVariants.handler(configuration,
                HttpClientVariants.client(configuration, httpClient));
        APIGatewayProxyRequestEvent event = event(eventFile, tenant, pageSize, null);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int requests = 0;
        while (System.nanoTime() < end) {
            if (status(handler.handleRequest(event, context)) != 200) {
                throw new IllegalStateException("the handler did not answer 200");
            }
            requests++;
        }
        System.out.println("requests=" + requests);
    }

    private void deep(String httpClient, Path eventFile, String tenant, int rounds) throws Exception {
        Configuration configuration = Configuration.fromEnvironment();
        DynamoDbClient client = HttpClientVariants.client(configuration, httpClient);
        ListInvoiceGroupsHandler handler = HttpClientVariants.handler(configuration, client);
        APIGatewayProxyRequestEvent first = event(eventFile, tenant, 100, null);
        // Walk to page 1,000 the way a client does: each page's nextToken asks for the next.
        APIGatewayProxyRequestEvent page = first;
        String token = null;
        for (int number = 1; number < 1000; number++) {
            Matcher next = NEXT_TOKEN.matcher(handler.handleRequest(page, context).getBody());
            if (!next.find()) {
                throw new IllegalStateException("the tenant ends at page " + number);
            }
            token = next.group(1);
            page = event(eventFile, tenant, 100, token);
        }
        APIGatewayProxyRequestEvent thousandth = page;
        // The same two pages as bare queries: what DynamoDB (here DynamoDB Local) itself takes for each.
        Matcher lastItemId = LAST_ITEM_ID.matcher(new String(Base64.getUrlDecoder().decode(token),
                StandardCharsets.UTF_8));
        if (!lastItemId.find()) {
            throw new IllegalStateException("no lastItemId in the token");
        }
        QueryRequest floorFirst = floorQuery(configuration.tableName(), tenant, 100);
        QueryRequest floorThousandth = floorFirst.toBuilder().exclusiveStartKey(Map.of(
                InvoiceGroupsTable.PARTITION_KEY, AttributeValue.fromS(tenant),
                InvoiceGroupsTable.SORT_KEY, AttributeValue.fromS(lastItemId.group(1)))).build();
        Map<String, IntSupplier> series = new LinkedHashMap<>();
        series.put("page1", () -> status(handler.handleRequest(first, context)));
        series.put("page1000", () -> status(handler.handleRequest(thousandth, context)));
        series.put("floorPage1", () -> client.query(floorFirst).hasItems() ? 200 : 500);
        series.put("floorPage1000", () -> client.query(floorThousandth).hasItems() ? 200 : 500);
        run(series, rounds);
    }

    /** Warms every series up for a fifth of the rounds, then measures the rest, one block of each at a time. */
    private static void run(Map<String, IntSupplier> series, int rounds) {
        int warmUp = rounds / 5;
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        series.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, IntSupplier> entry : series.entrySet()) {
                for (int i = 0; i < BLOCK; i++) {
                    long start = System.nanoTime();
                    int status = entry.getValue().getAsInt();
                    long took = System.nanoTime() - start;
                    if (status != 200) {
                        throw new IllegalStateException(entry.getKey() + " answered " + status);
                    }
                    if (round >= warmUp) {
                        samples.get(entry.getKey()).add(took);
                    }
                }
            }
        }
        samples.forEach((name, nanos) -> {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("series=%s n=%d medianMicros=%.1f p99Micros=%.1f meanMicros=%.1f%n", name, sorted.length,
                    percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3,
                    Arrays.stream(sorted).average().orElse(0) / 1e3);
        });
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
    }

    private static int status(APIGatewayProxyResponseEvent response) {
        return response.getStatusCode();
    }

    /** The sample event with another tenant, page size and, optionally, a nextToken. */
    private static APIGatewayProxyRequestEvent event(Path eventFile, String tenant, int pageSize, String nextToken)
            throws Exception {
        APIGatewayProxyRequestEvent event = RestApiEvents.read(eventFile);
        Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
        authorizer.put(AuthorizerContext.TENANT_ID, tenant);
        event.getRequestContext().setAuthorizer(authorizer);
        Map<String, String> parameters = new HashMap<>();
        parameters.put("pageSize", Integer.toString(pageSize));
        if (nextToken != null) {
            parameters.put("nextToken", nextToken);
        }
        Map<String, List<String>> multiValue = new HashMap<>();
        parameters.forEach((name, value) -> multiValue.put(name, List.of(value)));
        event.setQueryStringParameters(parameters);
        event.setMultiValueQueryStringParameters(multiValue);
        return event;
    }

    /** The request the handler's query sends, built by hand: same key, limit, order and projection. */
    private static QueryRequest floorQuery(String tableName, String tenant, int pageSize) {
        List<String> projected = List.of(InvoiceGroupsTable.SORT_KEY, "name", "email", "dailyInvoiceConsolidation",
                "netTermDays", "invoiceCurrency", "billingAddress", "accountsCount", "createdAt", "updatedAt");
        Map<String, String> names = new HashMap<>();
        names.put("#pk", InvoiceGroupsTable.PARTITION_KEY);
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < projected.size(); i++) {
            names.put("#a" + i, projected.get(i));
            placeholders.add("#a" + i);
        }
        return QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(tenant)))
                .projectionExpression(String.join(", ", placeholders))
                .limit(pageSize + 1)
                .scanIndexForward(true)
                .consistentRead(false)
                .build();
    }
}
