package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.cognito.LocalUserPool;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code --data-dir} keeps the tables (invoice groups, registry) and the app clients between runs; without it, every
 * run starts from the data file alone.
 */
class DataDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void invoiceGroupsWrittenInOneRunAreListedInTheNextRunOnTheSameDataDirectory() throws IOException {
        Path data = directory.resolve("dynamodb");
        try (RunningLocalApi first = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data))) {
            assertThat(first.api.deployment().dynamoDb().scan(scan -> scan.tableName("invoice-groups")).count())
                    .isEqualTo(19);
        }
        Path nothing = Files.writeString(directory.resolve("empty.json"), "{}");

        try (RunningLocalApi second = RunningLocalApi.start(
                Options.defaults().withPort(0).withDataDirectory(data).withDataFile(nothing))) {
            String token = second.token(DemoClients.ACME);

            assertThat(ListingOverHttpTest.ids(RunningLocalApi.json(second.get("/invoice_groups?pageSize=100", token))))
                    .hasSize(12).startsWith("ig_acme_001");
        }
    }

    @Test
    void appClientsAndTheirRegistryEntriesOfOneRunStillGetTokensInTheNext() {
        Path data = directory.resolve("clients");
        UserPoolClientType client;
        try (RunningLocalApi first = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data));
                CognitoIdentityProviderClient cognito = first.cognitoClient();
                DynamoDbClient dynamoDb = first.dynamoDbClient()) {
            client = cognito.createUserPoolClient(create -> create.userPoolId(LocalUserPool.ID).clientName("kept")
                    .generateSecret(true).allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                    .allowedOAuthFlowsUserPoolClient(true).allowedOAuthScopes(LocalUserPool.READ_SCOPE)).userPoolClient();
            // Registered as tenants rotate registers a client: its record, naming its tenant.
            dynamoDb.putItem(put -> put.tableName(TenantRegistryTable.DEFAULT_NAME).item(Map.of(
                    TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(client.clientId()),
                    TenantRegistryTable.TENANT_ID, AttributeValue.fromS("globex"),
                    TenantRegistryTable.CREATED_AT, AttributeValue.fromS("2026-11-24T17:30:00Z"))));
            dynamoDb.updateItem(update -> update.tableName(TenantRegistryTable.DEFAULT_NAME)
                    .key(Map.of(TenantRegistryTable.PARTITION_KEY,
                            AttributeValue.fromS(TenantRegistryTable.tenantRecordKey("acme"))))
                    .updateExpression("SET #status = :suspended")
                    .expressionAttributeNames(Map.of("#status", TenantRegistryTable.STATUS))
                    .expressionAttributeValues(Map.of(":suspended", AttributeValue.fromS(TenantRegistryTable.SUSPENDED))));
        }

        try (RunningLocalApi second = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data))) {
            String token = RunningLocalApi.json(second.requestToken(
                    RunningLocalApi.basic(client.clientId(), client.clientSecret()), "grant_type=client_credentials"))
                    .get("access_token").stringValue();

            assertThat(ListingOverHttpTest.ids(RunningLocalApi.json(second.get("/invoice_groups", token))))
                    .startsWith("ig_globex_001");
            // A demo tenant suspended in the first run stays suspended: the start-up registration leaves it alone.
            assertThat(second.requestToken(RunningLocalApi.basic("acme-demo", "acme-demo-secret"),
                    "grant_type=client_credentials").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void inMemoryRunsStartFromTheDataFileAlone() throws IOException {
        Path nothing = Files.writeString(directory.resolve("empty.json"), "{}");
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0).withDataFile(nothing))) {
            // No tenant in the data, so no acme-demo client either.
            assertThat(local.requestToken(RunningLocalApi.basic("acme-demo", "acme-demo-secret"),
                    "grant_type=client_credentials").statusCode()).isEqualTo(401);
        }
    }
}
