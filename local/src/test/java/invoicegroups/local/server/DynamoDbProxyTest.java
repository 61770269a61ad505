package invoicegroups.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.local.RunningLocalApi;
import invoicegroups.table.InvoiceGroupsTable;
import invoicegroups.table.TenantRegistryTable;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB's API on the runner's port reaches the embedded DynamoDB Local, answers and errors unchanged; a call DynamoDB
 * Local would answer 500 for (not the input shape, no SigV4 form) is answered as DynamoDB does; DynamoDB Local itself
 * lets no web page read its answers.
 */
class DynamoDbProxyTest {

    private static RunningLocalApi local;
    private static DynamoDbClient throughTheRunner;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start();
        throughTheRunner = local.dynamoDbClient();
    }

    @AfterAll
    static void stop() {
        throughTheRunner.close();
        local.close();
    }

    @Test
    void theSdkSeesTheRunnersTablesThroughItsPort() {
        assertThat(throughTheRunner.listTables().tableNames())
                .contains(InvoiceGroupsTable.DEFAULT_NAME, TenantRegistryTable.DEFAULT_NAME);
    }

    @Test
    void theDemoClientsAreInTheRegistryWithTheirActiveTenant() {
        Map<String, AttributeValue> client = throughTheRunner.getItem(get -> get.tableName(TenantRegistryTable.DEFAULT_NAME)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS("globex-demo")))).item();
        Map<String, AttributeValue> tenant = throughTheRunner.getItem(get -> get.tableName(TenantRegistryTable.DEFAULT_NAME)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY,
                        AttributeValue.fromS(TenantRegistryTable.tenantRecordKey("globex"))))).item();

        assertThat(client.get(TenantRegistryTable.TENANT_ID).s()).isEqualTo("globex");
        assertThat(client).doesNotContainKey(TenantRegistryTable.STATUS);
        assertThat(tenant.get(TenantRegistryTable.STATUS).s()).isEqualTo(TenantRegistryTable.ACTIVE);
        assertThat(tenant.get(TenantRegistryTable.PLAN).s()).isEqualTo("standard");
        assertThat(tenant.get(TenantRegistryTable.VERSION).n()).isEqualTo("1");
        assertThat(tenant.get(TenantRegistryTable.CLIENT_IDS).ss()).containsExactly("globex-demo");
        assertThat(tenant.get(TenantRegistryTable.API_KEY_VALUE).s()).hasSize(40);
    }

    @Test
    void writesThroughTheRunnerLandInDynamoDbLocal() {
        throughTheRunner.putItem(put -> put.tableName(TenantRegistryTable.DEFAULT_NAME).item(Map.of(
                TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS("proxied"),
                TenantRegistryTable.TENANT_ID, AttributeValue.fromS("initech"),
                TenantRegistryTable.STATUS, AttributeValue.fromS(TenantRegistryTable.ACTIVE))));

        Map<String, AttributeValue> item = local.api.deployment().dynamoDb().getItem(get -> get
                .tableName(TenantRegistryTable.DEFAULT_NAME)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS("proxied")))).item();
        assertThat(item.get(TenantRegistryTable.TENANT_ID).s()).isEqualTo("initech");
    }

    @Test
    void dynamoDbsErrorsComeBackAsTheyAre() {
        assertThatThrownBy(() -> throughTheRunner.describeTable(describe -> describe.tableName("no-such-table")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theResponseBytesAreDynamoDbLocalsOwn() {
        String body = "{\"TableName\":\"" + TenantRegistryTable.DEFAULT_NAME + "\"}";
        HttpResponse<String> proxied = post(local.uri("/").toString(), body);
        HttpResponse<String> direct = post(local.api.deployment().dynamoDbEndpoint().toString(), body);

        assertThat(proxied.statusCode()).isEqualTo(direct.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(direct.body());
        assertThat(proxied.headers().firstValue("x-amz-crc32")).isEqualTo(direct.headers().firstValue("x-amz-crc32"));
    }

    @Test
    void anUnknownTargetIsUnknownOperation() {
        HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri("/"))
                .header("X-Amz-Target", "AmazonSQS.SendMessage")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningLocalApi.json(response).get("__type").stringValue()).isEqualTo("UnknownOperationException");
    }

    private static HttpResponse<String> post(String uri, String body) {
        return local.send(HttpRequest.newBuilder(java.net.URI.create(uri))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.DescribeTable")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261124/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
                .header("X-Amz-Date", "20261124T200000Z")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aCallThatIsNotTheOperationsInputShapeIsDynamoDbsSerializationExceptionNotDynamoDbLocals500() {
        for (String body : new String[] {"not json", "[1]", "{\"TableName\":\"tenant-registry\",\"Limit\":true}",
            "{\"TableName\":\"tenant-registry\",\"ExclusiveStartKey\":5}",
            "{\"TableName\":\"tenant-registry\",\"ExclusiveStartKey\":{\"clientId\":{\"B\":\"!!\"}}}"}) {
            HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri("/"))
                    .header("X-Amz-Target", "DynamoDB_20120810.Scan")
                    .header("Authorization", SIGNED)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).startsWith(
                    "{\"__type\":\"com.amazon.coral.service#SerializationException\",\"message\":");
        }
    }

    @Test
    void anAuthorizationHeaderNotInSignatureV4FormIsAnIncompleteSignature() {
        HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri("/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Authorization", "Bearer x")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\"");
    }

    @Test
    void dynamoDbLocalAllowsNoWebPageToReadItsAnswers() {
        HttpResponse<String> preflight = local.send(HttpRequest.newBuilder(local.api.deployment().dynamoDbEndpoint())
                .header("Origin", "https://attacker.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-amz-target,content-type,authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> call = local.send(HttpRequest.newBuilder(local.api.deployment().dynamoDbEndpoint())
                .header("Origin", "https://attacker.example")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Authorization", SIGNED)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static final String SIGNED =
            "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00";
}
