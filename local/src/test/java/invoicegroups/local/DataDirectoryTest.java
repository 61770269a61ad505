package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.cognito.LocalUserPool;
import invoicegroups.table.LocalRunner;
import invoicegroups.table.ResourceServer;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code --data-dir} keeps the tables (invoice groups, registry) and the app clients between runs, readable by their
 * owner only; without it, every run starts from the data file alone.
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
            client = cognito.createUserPoolClient(create -> create.userPoolId(LocalRunner.USER_POOL_ID).clientName("kept")
                    .generateSecret(true).allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                    .allowedOAuthFlowsUserPoolClient(true).allowedOAuthScopes(ResourceServer.READ_SCOPE)).userPoolClient();
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
    void apiKeysAndTheirUsagePlansAreKeptBetweenRuns() {
        Path data = directory.resolve("keys");
        String keyId;
        String value;
        String acmeKey;
        try (RunningLocalApi first = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data));
                ApiGatewayClient apiGateway = first.apiGatewayClient()) {
            var created = apiGateway.createApiKey(create -> create.name("kept/key").enabled(true));
            keyId = created.id();
            value = created.value();
            apiGateway.createUsagePlanKey(attach -> attach.usagePlanId("premium").keyId(created.id())
                    .keyType("API_KEY"));
            acmeKey = tenantRecord(first, "acme").get(TenantRegistryTable.API_KEY_ID).s();
        }

        try (RunningLocalApi second = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data));
                ApiGatewayClient apiGateway = second.apiGatewayClient()) {
            assertThat(apiGateway.getApiKey(get -> get.apiKey(keyId).includeValue(true)).value()).isEqualTo(value);
            assertThat(apiGateway.getUsagePlans(get -> get.keyId(keyId)).items()).singleElement()
                    .satisfies(plan -> assertThat(plan.name()).isEqualTo("premium"));
            assertThat(tenantRecord(second, "acme").get(TenantRegistryTable.API_KEY_ID).s()).isEqualTo(acmeKey);
            assertThat(second.get("/invoice_groups", second.token(DemoClients.ACME)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDemoTenantWhoseApiKeyTheRunnerDoesNotHaveGetsOneAtTheNextStart() {
        Path data = directory.resolve("earlier-keys");
        try (RunningLocalApi first = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data));
                ApiGatewayClient apiGateway = first.apiGatewayClient()) {
            String key = tenantRecord(first, "acme").get(TenantRegistryTable.API_KEY_ID).s();
            apiGateway.deleteApiKey(delete -> delete.apiKey(key));
            // As the version before API keys wrote it: a placeholder the usage plans do not know.
            first.api.deployment().dynamoDb().updateItem(update -> update.tableName(TenantRegistryTable.DEFAULT_NAME)
                    .key(Map.of(TenantRegistryTable.PARTITION_KEY,
                            AttributeValue.fromS(TenantRegistryTable.tenantRecordKey("acme"))))
                    .updateExpression("SET apiKeyId = :placeholder, apiKeyValue = :placeholder")
                    .expressionAttributeValues(Map.of(":placeholder", AttributeValue.fromS("local-acme"))));
            assertThat(first.get("/invoice_groups", first.token(DemoClients.ACME)).statusCode()).isEqualTo(403);
        }

        try (RunningLocalApi second = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data))) {
            Map<String, AttributeValue> acme = tenantRecord(second, "acme");
            assertThat(acme.get(TenantRegistryTable.API_KEY_ID).s()).isNotEqualTo("local-acme");
            assertThat(second.api.deployment().apiKeys().find(acme.get(TenantRegistryTable.API_KEY_ID).s())
                    .orElseThrow().usagePlanId()).hasValue("standard");
            assertThat(second.get("/invoice_groups", second.token(DemoClients.ACME)).statusCode()).isEqualTo(200);
        }
    }

    private static Map<String, AttributeValue> tenantRecord(RunningLocalApi local, String tenant) {
        return local.api.deployment().dynamoDb().getItem(get -> get.tableName(TenantRegistryTable.DEFAULT_NAME)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY,
                        AttributeValue.fromS(TenantRegistryTable.tenantRecordKey(tenant)))).consistentRead(true)).item();
    }

    @Test
    void theDataDirectoryIsReadableByItsOwnerOnlyWhateverCredentialsWrite() throws IOException {
        assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"), "POSIX permissions");
        Path data = directory.resolve("private");
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data));
                DynamoDbClient other = DynamoDbClient.builder().endpointOverride(local.api.baseUri())
                        .region(Region.EU_WEST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "x")))
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
            // Other credentials and another region reach the same tables (one database file), so no other file.
            assertThat(other.scan(scan -> scan.tableName("invoice-groups")).count()).isEqualTo(19);
            other.putItem(put -> put.tableName(TenantRegistryTable.DEFAULT_NAME).item(Map.of(
                    TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS("written-by-other"))));
            assertPrivate(data);
        }
        assertPrivate(data);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("shared-local-instance.db");
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsTakenOverAndMadePrivate() throws IOException {
        assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"), "POSIX permissions");
        Path data = directory.resolve("earlier");
        try (RunningLocalApi first = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data))) {
            first.token(DemoClients.ACME);
        }
        // As the earlier version left it: the access key's and region's file name, world-readable, in a 0755 directory.
        Files.move(data.resolve("shared-local-instance.db"), data.resolve("local_us-east-1.db"));
        Files.setPosixFilePermissions(data.resolve("local_us-east-1.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path nothing = Files.writeString(directory.resolve("empty.json"), "{}");

        try (RunningLocalApi second = RunningLocalApi.start(
                Options.defaults().withPort(0).withDataDirectory(data).withDataFile(nothing))) {
            assertThat(ListingOverHttpTest.ids(RunningLocalApi.json(second.get("/invoice_groups?pageSize=100",
                    second.token(DemoClients.ACME))))).hasSize(12);
            assertPrivate(data);
        }
    }

    private static void assertPrivate(Path data) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.toString()).isEqualTo("rw-------");
            }
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
