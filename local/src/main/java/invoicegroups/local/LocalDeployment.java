package invoicegroups.local;

import invoicegroups.authorizer.AuthorizerConfiguration;
import invoicegroups.authorizer.TokenAuthorizer;
import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.DynamoDbClients;
import invoicegroups.boundary.ListInvoiceGroupsHandler;
import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.local.apigateway.ApiKeyStore;
import invoicegroups.local.cognito.LocalUserPool;
import invoicegroups.local.cognito.UserPoolClients;
import invoicegroups.local.data.InvoiceGroupLoader;
import invoicegroups.table.EnvironmentVariables;
import invoicegroups.table.InvoiceGroupsTable;
import invoicegroups.table.TenantClaim;
import invoicegroups.table.TenantRegistryTable;
import invoicegroups.tokencustomizer.TenantClaimTrigger;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the stack deploys, inside this JVM: the invoice groups table and the tenant registry in DynamoDB Local,
 * created from the shared definitions; the function's handler class, the token trigger's class and the Lambda
 * authorizer's class, configured through the same settings Lambda gives them; the user pool's app clients; and API
 * Gateway's API keys.
 */
public final class LocalDeployment implements AutoCloseable {

    public static final String TABLE_NAME = InvoiceGroupsTable.DEFAULT_NAME;
    public static final String REGISTRY_TABLE_NAME = TenantRegistryTable.DEFAULT_NAME;
    public static final String TENANT_CLAIM = TenantClaim.DEFAULT_NAME;

    private final EmbeddedDynamoDb dynamoDb;
    private final DynamoDbClient client;
    private final ListInvoiceGroupsHandler handler;
    private final UserPoolClients userPoolClients;
    private final ApiKeyStore apiKeys;
    private final TenantClaimTrigger trigger;

    private LocalDeployment(EmbeddedDynamoDb dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.client = dynamoDb.newClient();
        EmbeddedDynamoDb.createInvoiceGroupsTable(client, TABLE_NAME);
        EmbeddedDynamoDb.createTenantRegistryTable(client, REGISTRY_TABLE_NAME);
        this.userPoolClients = new UserPoolClients(client, LocalUserPool.CLIENTS_TABLE);
        this.apiKeys = new ApiKeyStore(client, ApiKeyStore.TABLE, Clock.systemUTC());
        this.trigger = new TenantClaimTrigger(client, REGISTRY_TABLE_NAME, TENANT_CLAIM);
        // The handler resolves credentials through the SDK's default chain, as it must in Lambda. DynamoDB Local
        // accepts any, so placeholders go first in that chain: real AWS credentials are never looked up or sent.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        Configuration configuration = Configuration.from(Map.of(
                EnvironmentVariables.TABLE_NAME, TABLE_NAME,
                "AWS_REGION", EmbeddedDynamoDb.REGION.id(),
                EnvironmentVariables.DYNAMODB_ENDPOINT, dynamoDb.endpoint().toString()));
        this.handler = ListInvoiceGroupsHandler.create(configuration, DynamoDbClients.create(configuration));
    }

    /** @param dataDirectory where DynamoDB Local keeps its data; empty: in memory */
    public static LocalDeployment start(Optional<Path> dataDirectory) {
        EmbeddedDynamoDb dynamoDb;
        // Whatever DynamoDB Local prints while starting goes to stderr: stdout is the invoke mode's answer.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            dynamoDb = EmbeddedDynamoDb.start(dataDirectory.orElse(null), 0);
        } catch (IllegalStateException e) {
            throw StartupException.failure(e.getMessage());
        } catch (UncheckedIOException e) {
            throw StartupException.failure("--data-dir " + e.getMessage());
        } finally {
            System.setOut(stdout);
        }
        try {
            return new LocalDeployment(dynamoDb);
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
    }

    public ListInvoiceGroupsHandler handler() {
        return handler;
    }

    /**
     * The stack's Lambda authorizer, configured as Lambda configures it: the pool's JWKS from {@code issuer}'s
     * {@code /.well-known/jwks.json} over HTTP (the runner's own), the registry on this DynamoDB Local.
     *
     * @param issuer the token endpoint's issuer, the runner's base URL
     * @param decisionLog where its one line per decision goes
     */
    public TokenAuthorizer authorizer(String issuer, PrintStream decisionLog) {
        return new TokenAuthorizer(AuthorizerConfiguration.from(Map.of(
                EnvironmentVariables.JWT_ISSUER, issuer,
                EnvironmentVariables.TENANT_REGISTRY_TABLE, REGISTRY_TABLE_NAME,
                EnvironmentVariables.TENANT_CLAIM, TENANT_CLAIM,
                "AWS_REGION", EmbeddedDynamoDb.REGION.id(),
                EnvironmentVariables.DYNAMODB_ENDPOINT, dynamoDb.endpoint().toString())), decisionLog);
    }

    /** The stack's pre-token-generation trigger, on the local registry: the token endpoint runs it as Cognito does. */
    public UnaryOperator<Map<String, Object>> preTokenGenerationTrigger() {
        return trigger::handleRequest;
    }

    public InvoiceGroupLoader loader() {
        return new InvoiceGroupLoader(client, TABLE_NAME);
    }

    public UserPoolClients userPoolClients() {
        return userPoolClients;
    }

    /** API Gateway's API keys and usage-plan keys, kept in a table of the runner's own. */
    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    /** The embedded DynamoDB Local's own endpoint (the runner's port forwards DynamoDB calls to it). */
    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    /** A client for the local tables, for whoever needs to look at them directly (tests, benchmarks). */
    public DynamoDbClient dynamoDb() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        dynamoDb.close();
    }
}
