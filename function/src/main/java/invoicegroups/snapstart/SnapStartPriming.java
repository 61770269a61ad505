package invoicegroups.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.DynamoDbClients;
import invoicegroups.boundary.ListInvoiceGroupsHandler;
import invoicegroups.boundary.StrictJson;
import invoicegroups.control.NextTokenCodec;
import invoicegroups.entity.PagePosition;
import invoicegroups.entity.SortOrder;
import invoicegroups.table.AuthorizerContext;
import invoicegroups.table.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, runs whole requests through a second handler
 * built exactly like the real one, so that the snapshot holds the request path loaded, initialised and compiled:
 * event parsing, the tenant claim, the token codec (a {@code nextToken} in, a new one out), the enhanced client's
 * query, SDK marshalling, endpoint resolution and SigV4 signing, the HTTP client's request and connection code,
 * response unmarshalling, the table schema's mapping and the JSON writer.
 *
 * <p>Nothing reaches DynamoDB and nothing of the priming outlives the snapshot: the priming client has its own HTTP
 * client of the function's kind, sends to a {@link PrimingEndpoint} on the loopback interface of this process, which
 * answers one made-up page of a made-up tenant and closes the connection after the last request; it signs with placeholder credentials
 * (the function's own are never resolved, so none are in the snapshot); the client, its HTTP client and the endpoint
 * are closed afterwards and priming fails if a connection is left open. The function's own client is not touched: it
 * has opened no connection when the snapshot is taken. Lambda's SnapStart guidance: connections made before the
 * snapshot are not guaranteed after a restore
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-best-practices.html); hooks and their limits
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html).
 */
public final class SnapStartPriming implements Resource {

    /** A tenant id no caller can hold: the priming page belongs to nobody. */
    static final String TENANT = "snapstart-priming";
    /** The made-up app client the priming requests come from (never a Cognito client id: it has '-'). */
    private static final String PRIMING_CLIENT = "snapstart-priming-client";
    /**
     * Placeholder credentials, found by a provider chain shaped like the function's own
     * ({@link DynamoDbClients#functionCredentials}): a first provider that finds nothing, then the placeholders, so
     * that the chain's own code (its lambdas, the failure of a provider, the reuse of the last one) is loaded before
     * the snapshot while the function's credentials are never resolved into it.
     */
    private static AwsCredentialsProvider placeholderCredentials() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(() -> {
                    throw SdkClientException.create("no credentials here: SnapStart priming signs with placeholders");
                }, StaticCredentialsProvider.create(AwsBasicCredentials.create("snapstart-priming", "snapstart-priming")))
                .build();
    }

    /**
     * A DynamoDB Query response of two made-up items, every attribute type the schema maps. Built only when priming
     * runs (plain concatenation, no formatter): a function started without SnapStart loads none of it.
     */
    private static String cannedQueryResponse() {
        return "{\"Count\":2,\"ScannedCount\":2,\"Items\":[" + item(1) + "," + item(2) + "]}";
    }

    /**
     * Priming requests run before the snapshot: enough for Lambda's C1 compiler to compile the request path's methods
     * (they compile after about 200 calls), so that the first request after a restore runs compiled code (bench/:
     * first request after priming). About a second, once per published version.
     */
    static final int REQUESTS = 2000;

    private static final long COMPILATION_WAIT_MILLIS = 3000;
    private static final long JIT_IDLE_MILLIS = 50;

    private final Configuration configuration;
    private final Supplier<SdkHttpClient> httpClients;

    /** Primes through an HTTP client of the function's own kind ({@link DynamoDbClients#httpClient}). */
    public SnapStartPriming(Configuration configuration) {
        this(configuration, () -> DynamoDbClients.httpClient(configuration));
    }

    /** Primes through a new HTTP client from {@code httpClients}, closed afterwards. */
    public SnapStartPriming(Configuration configuration, Supplier<SdkHttpClient> httpClients) {
        this.configuration = configuration;
        this.httpClients = httpClients;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        APIGatewayProxyResponseEvent response;
        try {
            response = prime();
        } catch (ConnectionLeftOpen late) {
            // Both ends are closed by now (the client and every endpoint socket), so nothing crosses the snapshot; the
            // client was only slow to say so. Failing here would fail the version's publication (the deploy) for it.
            System.err.println("WARN SnapStart priming: " + late.getMessage() + "; both ends closed since");
            return;
        }
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("SnapStart priming answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: priming's client, its connections and its endpoint are closed before the snapshot, and
        // the function's own client has made no request yet (its connection pool is empty in the snapshot).
    }

    /**
     * Runs the priming requests through a second handler, whose DynamoDB client is configured as the function's
     * (endpoint resolution included) but has its own HTTP client of the function's kind, sending to a
     * {@link PrimingEndpoint} in this process, and placeholder credentials; then closes all three and checks that
     * the endpoint saw every connection closed. Returns the last response: the
     * made-up page, written as the API writes it.
     *
     * @throws IllegalStateException when a connection is left open (the snapshot must hold none)
     */
    APIGatewayProxyResponseEvent prime() {
        APIGatewayProxyResponseEvent response = null;
        int accepted;
        int open;
        try (PrimingEndpoint endpoint = PrimingEndpoint.start(cannedQueryResponse(), REQUESTS)) {
            // The function's own configuration, endpoint resolution included; only the HTTP layer sends elsewhere.
            try (SdkHttpClient http = endpoint.sendingHere(httpClients.get());
                    DynamoDbClient unsent = DynamoDbClients.create(configuration, http, placeholderCredentials())) {
                ListInvoiceGroupsHandler handler = ListInvoiceGroupsHandler.create(configuration, unsent);
                for (int i = 0; i < REQUESTS && (response == null || response.getStatusCode() == 200); i++) {
                    response = handler.handleRequest(event(), null);
                }
            }
            endpoint.close();
            accepted = endpoint.accepted();
            open = endpoint.open();
        } catch (IOException e) {
            throw new UncheckedIOException("SnapStart priming could not open its loopback endpoint", e);
        }
        if (accepted == 0) {
            throw new IllegalStateException("SnapStart priming: no connection reached its endpoint");
        }
        if (open != 0) {
            throw new ConnectionLeftOpen(accepted, open);
        }
        awaitCompilations();
        // What the priming allocated is garbage: collected before the snapshot rather than restored with it.
        System.gc();
        return response;
    }

    /**
     * Waits (at most {@link #COMPILATION_WAIT_MILLIS}) until the JIT has been idle for a while, so that what the
     * priming requests queued for compilation is compiled before the snapshot rather than during the first request
     * after a restore.
     */
    private static void awaitCompilations() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + COMPILATION_WAIT_MILLIS * 1_000_000L;
        long compiled = jit.getTotalCompilationTime();
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(JIT_IDLE_MILLIS);
                long now = jit.getTotalCompilationTime();
                if (now == compiled) {
                    return;
                }
                compiled = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The priming client did not close a connection within the endpoint's read timeout. */
    static final class ConnectionLeftOpen extends IllegalStateException {
        ConnectionLeftOpen(int accepted, int open) {
            super("SnapStart priming: " + accepted + " connections, " + open + " left open");
        }
    }

    /** A second-page request of the made-up tenant, page size 1, so a nextToken is both read and written. */
    private APIGatewayProxyRequestEvent event() {
        String nextToken = new NextTokenCodec(StrictJson.factory())
                .encode(new PagePosition("ig_priming_0", 1, SortOrder.ASC));
        // As the REST API hands over its Lambda authorizer's decision: requestContext.authorizer, the context's strings.
        APIGatewayProxyRequestEvent.ProxyRequestContext requestContext =
                new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withHttpMethod("GET")
                        .withResourcePath("/invoice_groups");
        requestContext.setAuthorizer(Map.of("principalId", PRIMING_CLIENT, AuthorizerContext.TENANT_ID, TENANT,
                AuthorizerContext.CLIENT_ID, PRIMING_CLIENT, AuthorizerContext.PLAN, Plan.DEFAULT_PLAN));
        return new APIGatewayProxyRequestEvent()
                .withResource("/invoice_groups")
                .withPath("/invoice_groups")
                .withHttpMethod("GET")
                .withRequestContext(requestContext)
                .withQueryStringParameters(Map.of("pageSize", "1", "nextToken", nextToken))
                .withMultiValueQueryStringParameters(
                        Map.of("pageSize", List.of("1"), "nextToken", List.of(nextToken)));
    }

    private static String item(int number) {
        return "{\"id\":{\"S\":\"ig_priming_" + number + "\"},\"name\":{\"S\":\"Priming\"},"
                + "\"email\":{\"S\":\"priming@example.invalid\"},\"dailyInvoiceConsolidation\":{\"BOOL\":true},"
                + "\"netTermDays\":{\"N\":\"30\"},\"invoiceCurrency\":{\"S\":\"EUR\"},"
                + "\"billingAddress\":{\"M\":{\"line1\":{\"S\":\"1 Example Street\"},\"city\":{\"S\":\"Example\"},"
                + "\"country\":{\"S\":\"DE\"}}},\"accountsCount\":{\"N\":\"1\"},"
                + "\"createdAt\":{\"S\":\"2026-01-01T00:00:00Z\"},\"updatedAt\":{\"S\":\"2026-01-02T00:00:00Z\"}}";
    }
}
