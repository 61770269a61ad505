package invoicegroups.authorizer;

import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.lambdaclients.LogCapture;
import invoicegroups.lambdaclients.RegistryRecords;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a test class needs to run the authorizer as Lambda runs it: DynamoDB Local with a tenant registry, the pool's
 * JWKS on loopback HTTP, a signing key, and the handler built from environment variables.
 */
final class AuthorizerFixture implements AutoCloseable {

    final EmbeddedDynamoDb dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
    final DynamoDbClient dynamoDb = dynamoDbLocal.newClient();
    final String table;
    final RegistryRecords registry;
    final JwksServer jwks;
    final Tokens tokens;
    final LogCapture log = new LogCapture();
    final TokenAuthorizer authorizer;

    AuthorizerFixture(String table) {
        this.table = table;
        EmbeddedDynamoDb.createTenantRegistryTable(dynamoDb, table);
        this.registry = new RegistryRecords(dynamoDb, table);
        var key = Tokens.newKey();
        this.jwks = JwksServer.serving(new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()));
        this.tokens = new Tokens(key, jwks.issuer());
        this.authorizer = newAuthorizer(environment());
    }

    /** The environment Lambda would give the authorizer, pointed at this fixture's pool and registry. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("JWT_ISSUER", jwks.issuer());
        environment.put("TENANT_REGISTRY_TABLE", table);
        // DynamoDB Local keeps tables per region and access key: the test client's.
        environment.put("AWS_REGION", EmbeddedDynamoDb.REGION.id());
        environment.put("DYNAMODB_ENDPOINT", dynamoDbLocal.endpoint().toString());
        return environment;
    }

    TokenAuthorizer newAuthorizer(Map<String, String> environment) {
        return new TokenAuthorizer(AuthorizerConfiguration.from(environment), log.stream);
    }

    Outcome call(String authorizationToken) {
        return call(authorizer, authorizationToken);
    }

    Outcome call(TokenAuthorizer with, String authorizationToken) {
        return Outcome.of(with, event(authorizationToken), log);
    }

    /** A TOKEN authorizer event as API Gateway sends it. */
    static Map<String, Object> event(String authorizationToken) {
        Map<String, Object> event = new HashMap<>();
        event.put("type", "TOKEN");
        event.put("authorizationToken", authorizationToken);
        event.put("methodArn", Outcome.METHOD_ARN);
        return event;
    }

    @Override
    public void close() {
        jwks.close();
        dynamoDb.close();
        dynamoDbLocal.close();
    }
}
