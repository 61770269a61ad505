package invoicegroups.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.local.RunningLocalApi;
import invoicegroups.local.apigateway.ApiKey;
import invoicegroups.local.apigateway.UsagePlan;
import invoicegroups.local.apigateway.UsagePlanGate;
import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.server.HttpReply;
import invoicegroups.local.server.HttpRequest;
import invoicegroups.table.Plan;
import invoicegroups.table.TenantRegistryTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The front in the order API Gateway applies it: the authorizer (its result cached), then the usage plan of the key it
 * returned, then the handler. A request refused by the usage plan reaches neither the handler nor the authorizer again
 * (the only parts that read DynamoDB), and each refusal is the stack's gateway response; over HTTP, a key disabled or
 * taken out of its usage plan through API Gateway's API is refused at once.
 */
class UsagePlansAtTheFrontTest {

    private static RunningLocalApi local;
    private static ApiGatewayClient apiGateway;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start("--revocation-seconds", "0");
        apiGateway = local.apiGatewayClient();
    }

    @AfterAll
    static void stop() {
        apiGateway.close();
        local.close();
    }

    @Test
    void aThrottledOrOverQuotaRequestReachesNeitherTheHandlerNorTheAuthorizer() {
        AtomicInteger authorizerCalls = new AtomicInteger();
        AtomicInteger handlerCalls = new AtomicInteger();
        LambdaAuthorizer lambda = local.lambdaAuthorizer();
        AuthorizerCache authorizer = new AuthorizerCache(header -> {
            authorizerCalls.incrementAndGet();
            return lambda.authorize(header);
        }, Duration.ofSeconds(60));
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = (event, context) -> {
            handlerCalls.incrementAndGet();
            return local.api.deployment().handler().handleRequest(event, context);
        };
        // acme's key, metered by a plan of burst 3, hardly any refill, and a quota of 2 a month.
        UsagePlan tight = UsagePlan.of(new Plan(acmesPlan(), 0.001, 3, OptionalLong.of(2)));
        RestApiFront front = new RestApiFront(authorizer, new UsagePlanGate(local.api.deployment().apiKeys(),
                Map.of(tight.id(), tight), Clock.systemUTC()), handler, Clock.systemUTC());
        HttpRequest request = request("Bearer " + local.token(DemoClients.ACME));

        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < 50; i++) {
            HttpReply reply = front.handle(request);
            answers.merge(reply.status() + (reply.status() == 200 ? ""
                    : " " + new String(reply.body(), StandardCharsets.UTF_8)), 1, Integer::sum);
        }

        assertThat(answers).isEqualTo(Map.of("200", 2, "429 {\"message\":\"Limit Exceeded\"}", 1,
                "429 {\"message\":\"Too Many Requests\"}", 47));
        assertThat(handlerCalls).hasValue(2);
        assertThat(authorizerCalls).as("every request after the first from the authorizer cache").hasValue(1);
    }

    @Test
    void aKeyDisabledOrOutOfItsUsagePlanIsForbiddenAtOnce() {
        String token = local.token(DemoClients.GLOBEX);
        String keyId = tenantRecord("globex").get(TenantRegistryTable.API_KEY_ID).s();
        assertThat(local.get("/invoice_groups", token).statusCode()).isEqualTo(200);

        disable(keyId, true);
        try {
            var response = local.get("/invoice_groups", token);
            assertForbidden(response.statusCode(), response.body());
        } finally {
            disable(keyId, false);
        }
        assertThat(local.get("/invoice_groups", token).statusCode()).isEqualTo(200);

        apiGateway.deleteUsagePlanKey(delete -> delete.usagePlanId("standard").keyId(keyId));
        try {
            var response = local.get("/invoice_groups", token);
            assertForbidden(response.statusCode(), response.body());
        } finally {
            apiGateway.createUsagePlanKey(attach -> attach.usagePlanId("standard").keyId(keyId).keyType("API_KEY"));
        }
        assertThat(local.get("/invoice_groups", token).statusCode()).isEqualTo(200);
    }

    private static void assertForbidden(int status, String body) {
        assertThat(status).isEqualTo(403);
        assertThat(body).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    /** UpdateApiKey, as the SDK sends it. */
    private static void disable(String keyId, boolean disabled) {
        assertThat(local.patch("/apikeys/" + keyId, "{\"patchOperations\": [{\"op\": \"replace\", \"path\":"
                + " \"/enabled\", \"value\": \"" + !disabled + "\"}]}").statusCode()).isEqualTo(200);
    }

    private static String acmesPlan() {
        String keyId = tenantRecord("acme").get(TenantRegistryTable.API_KEY_ID).s();
        return local.api.deployment().apiKeys().find(keyId).flatMap(ApiKey::usagePlanId).orElseThrow();
    }

    private static Map<String, AttributeValue> tenantRecord(String tenant) {
        return local.api.deployment().dynamoDb().getItem(get -> get.tableName(TenantRegistryTable.DEFAULT_NAME)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY,
                        AttributeValue.fromS(TenantRegistryTable.tenantRecordKey(tenant)))).consistentRead(true)).item();
    }

    private static HttpRequest request(String authorization) {
        return new HttpRequest("GET", RestApiFront.PATH, "", Map.of("Authorization", List.of(authorization),
                "Host", List.of("localhost")), "HTTP/1.1", "127.0.0.1", new byte[0]);
    }
}
