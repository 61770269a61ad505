package invoicegroups.authorizer;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import invoicegroups.authorizer.Decision.Allow;
import invoicegroups.authorizer.Decision.Deny;
import invoicegroups.table.ResourceServer;
import invoicegroups.table.TenantId;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The REST API's Lambda authorizer (type {@code TOKEN}, identity source the {@code Authorization} header): decides,
 * for each access token API Gateway has not cached a decision for, whether the call goes on and for which tenant.
 *
 * <ol>
 *   <li>Not a well-formed, verifiable access token of the pool ({@link AccessTokenVerifier}): throws
 *       {@link UnauthorizedException} (message {@code Unauthorized}): 401.</li>
 *   <li>A valid token without the scope {@value ResourceServer#READ_SCOPE}, or without a well-formed tenant claim:
 *       Deny: 403.</li>
 *   <li>Otherwise one consistent BatchGetItem of the client record and the tenant record ({@link TenantRegistry}):
 *       Allow with context {@code {tenantId, clientId, plan}} and the tenant's API key as
 *       {@code usageIdentifierKey}, or Deny: 403.</li>
 *   <li>The registry or the pool's JWKS unavailable: the failure is thrown: 500, never an Allow.</li>
 * </ol>
 *
 * <p>One JSON line per decision on stdout ({@link DecisionLog}). Handler:
 * {@code invoicegroups.authorizer.TokenAuthorizer::handleRequest}. No aws-lambda-java-core: the Java runtime
 * deserialises the event ({@code {"type":"TOKEN","authorizationToken":..,"methodArn":..}}) into a map and serialises
 * the returned map. Everything is built once, with the handler; nothing is fetched before the first request.
 */
public final class TokenAuthorizer {

    private final AccessTokenVerifier verifier;
    private final TenantRegistry registry;
    private final DecisionLog log;

    /** Lambda's entry: configured from environment variables ({@link AuthorizerConfiguration}). */
    public TokenAuthorizer() {
        this(AuthorizerConfiguration.fromEnvironment(), System.out);
    }

    /** @param decisionLog where the decision lines go (stdout in Lambda; the local runner's console) */
    public TokenAuthorizer(AuthorizerConfiguration configuration, PrintStream decisionLog) {
        this(JwksSources.of(configuration.jwksUri()), RegistryClients.create(configuration), configuration,
                Clock.systemUTC(), decisionLog);
    }

    TokenAuthorizer(JWKSource<SecurityContext> keys, DynamoDbClient dynamoDb, AuthorizerConfiguration configuration,
            Clock clock, PrintStream decisionLog) {
        this.verifier = new AccessTokenVerifier(keys, configuration.issuer(), configuration.tenantClaim(), clock);
        this.registry = new TenantRegistry(dynamoDb, configuration.registryTableName());
        this.log = new DecisionLog(decisionLog);
    }

    /**
     * @param event a TOKEN authorizer event: {@code authorizationToken} (the Authorization header), {@code methodArn}
     * @return the policy, context and usage identifier key API Gateway reads
     * @throws UnauthorizedException for a token that is not a verifiable access token of the pool (401)
     * @throws RuntimeException when the registry or the JWKS cannot be read, or the event is not a TOKEN event (500)
     */
    public Map<String, Object> handleRequest(Map<String, Object> event) {
        String methodArn = event == null ? null : string(event.get("methodArn"));
        if (methodArn == null || methodArn.isBlank()) {
            log.write("Error", "the event names no methodArn", null, null);
            throw new IllegalArgumentException("not a TOKEN authorizer event: no methodArn");
        }
        VerifiedToken token;
        try {
            token = verifier.verify(string(event.get("authorizationToken")));
        } catch (UnauthorizedException e) {
            log.write("Unauthorized", e.reason(), null, null);
            throw e;
        } catch (RuntimeException e) {
            log.write("Error", "the user pool's JWKS is unavailable", null, null);
            throw e;
        }
        Decision decision;
        try {
            decision = decide(token);
        } catch (RuntimeException e) {
            log.write("Error", "the tenant registry is unavailable", token.clientId(), wellFormed(token.tenantClaim()));
            throw e;
        }
        if (decision instanceof Allow allow) {
            log.write("Allow", allow.reason(), allow.clientId(), allow.tenantId());
            return AuthorizerResponses.allow(allow, methodArn);
        }
        Deny deny = (Deny) decision;
        log.write("Deny", deny.reason(), deny.clientId(), deny.tenantId());
        return AuthorizerResponses.deny(deny.clientId(), methodArn);
    }

    private Decision decide(VerifiedToken token) {
        if (!token.scopes().contains(ResourceServer.READ_SCOPE)) {
            // RFC 6750, section 3.1: a valid token without the scope the resource needs is insufficient_scope, 403.
            return new Deny("token without the scope " + ResourceServer.READ_SCOPE, token.clientId(),
                    wellFormed(token.tenantClaim()));
        }
        String tenantId = wellFormed(token.tenantClaim());
        if (tenantId == null) {
            return new Deny("token without a well-formed tenant claim", token.clientId(), null);
        }
        return registry.decide(token.clientId(), tenantId);
    }

    private static String wellFormed(String tenantClaim) {
        return TenantId.isValid(tenantClaim) ? tenantClaim : null;
    }

    private static String string(Object value) {
        return value instanceof String text ? text : null;
    }
}
