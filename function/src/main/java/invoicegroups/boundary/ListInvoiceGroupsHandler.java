package invoicegroups.boundary;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.control.InvoiceGroups;
import invoicegroups.control.NextTokenCodec;
import invoicegroups.control.PageRequestParser;
import invoicegroups.entity.InvoiceGroupPage;
import invoicegroups.entity.PageRequest;
import invoicegroups.snapstart.SnapStartPriming;
import org.crac.Core;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code GET /invoice_groups} behind an API Gateway REST API with a Lambda authorizer (module {@code authorizer}),
 * Lambda proxy integration (payload format 1.0): lists the calling tenant's invoice groups, one page at a time.
 *
 * <p>Everything is built once, when Lambda creates the handler: configuration, the DynamoDB client, the table
 * schema, the JSON factory.
 */
public final class ListInvoiceGroupsHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final PageRequestParser pageRequests;
    private final InvoiceGroups invoiceGroups;
    private final HttpResponses responses;
    private final LeftOutItemLog leftOutItems;
    private final SnapStartPriming priming;

    /**
     * Lambda's entry: configured from environment variables, with the function's DynamoDB client; its request path is
     * primed for SnapStart before the snapshot ({@link SnapStartPriming}).
     */
    public ListInvoiceGroupsHandler() {
        this(Configuration.fromEnvironment(), null, true);
    }

    /**
     * A handler on {@code dynamoDb}, without SnapStart priming: for the local runner, the tests, the benchmark and
     * the priming itself (which drives a second handler on a client of its own).
     */
    public static ListInvoiceGroupsHandler create(Configuration configuration, DynamoDbClient dynamoDb) {
        return new ListInvoiceGroupsHandler(configuration, dynamoDb, false);
    }

    private ListInvoiceGroupsHandler(Configuration configuration, DynamoDbClient client, boolean primed) {
        DynamoDbClient dynamoDb = client != null ? client : DynamoDbClients.create(configuration);
        JsonFactory json = StrictJson.factory();
        NextTokenCodec nextTokens = new NextTokenCodec(json);
        this.pageRequests = new PageRequestParser(nextTokens);
        // No extensions: the default ones (versioned records, atomic counters) act on writes only, and this
        // function only reads; without them no per-item extension calls run on each page.
        this.invoiceGroups = new InvoiceGroups(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).extensions().build(),
                configuration.tableName());
        EmbeddedMetrics metrics = EmbeddedMetrics.toStandardOutput(json, configuration.functionName(),
                configuration.functionVersion());
        this.responses = new HttpResponses(new ResponseBodies(json, nextTokens), metrics);
        this.leftOutItems = LeftOutItemLog.toStandardOutput(json, metrics);
        // CRaC holds registered resources weakly: the handler keeps its priming alive.
        this.priming = primed ? new SnapStartPriming(configuration) : null;
        if (priming != null) {
            Core.getGlobalContext().register(priming);
        }
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try {
            String tenant = CallerTenant.of(event);
            PageRequest request = pageRequests.parse(
                    event.getMultiValueQueryStringParameters(), event.getQueryStringParameters());
            InvoiceGroupPage page = invoiceGroups.list(tenant, request);
            // Operators hear of left-out items; the caller's response never mentions them.
            leftOutItems.report(context == null ? "unknown" : context.getAwsRequestId(), tenant, page.leftOut());
            return responses.ok(page);
        } catch (RuntimeException failure) {
            return responses.failure(failure, context);
        }
    }
}
