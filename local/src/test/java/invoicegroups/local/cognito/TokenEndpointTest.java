package invoicegroups.local.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import invoicegroups.local.Options;
import invoicegroups.local.RunningLocalApi;
import invoicegroups.table.AccessTokens;
import invoicegroups.table.LocalRunner;
import invoicegroups.table.ResourceServer;
import invoicegroups.table.TenantRegistryTable;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * POST /oauth2/token answers as Cognito's token endpoint does for the client-credentials grant, for the clients of
 * the user pool, with the tenant decided by the registry through the pre-token-generation trigger.
 */
class TokenEndpointTest {

    private static final String ACME_BASIC = RunningLocalApi.basic("acme-demo", "acme-demo-secret");
    private static RunningLocalApi local;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void aDemoClientGetsABearerAccessTokenValidForTheStacksDefaultLifetime() {
        HttpResponse<String> response =
                local.requestToken(ACME_BASIC, "grant_type=client_credentials&scope=invoice-groups%2Fread");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        JsonNode body = RunningLocalApi.json(response);
        assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").intValue()).isEqualTo(AccessTokens.DEFAULT_VALIDITY_MINUTES * 60);
        assertThat(body.get("access_token").stringValue()).isNotBlank();
    }

    @Test
    void theAccessTokenCarriesCognitosClaimsAndTheTenantFromTheRegistry() throws Exception {
        SignedJWT token = SignedJWT.parse(local.token(DemoClients.ACME));
        JWTClaimsSet claims = token.getJWTClaimsSet();

        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(token.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getIssuer()).isEqualTo(local.issuer());
        assertThat(claims.getStringClaim("client_id")).isEqualTo("acme-demo");
        assertThat(claims.getSubject()).isEqualTo("acme-demo");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getStringClaim("scope")).isEqualTo("invoice-groups/read");
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo("acme");
        assertThat(claims.getLongClaim("version")).isEqualTo(2);
        assertThat(claims.getLongClaim("auth_time")).isNotNull();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(AccessTokens.DEFAULT_VALIDITY_MINUTES));
        assertThat(claims.getAudience()).isEmpty();
        assertThat(claims.getClaims().keySet()).noneMatch(name -> name.startsWith("tenant/"));
    }

    @Test
    void clientCredentialsInTheBodyWorkAsCognitoAcceptsThem() throws Exception {
        HttpResponse<String> response = local.requestToken(null,
                "grant_type=client_credentials&client_id=globex-demo&client_secret=globex-demo-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SignedJWT.parse(RunningLocalApi.json(response).get("access_token").stringValue())
                .getJWTClaimsSet().getStringClaim("tenant_id")).isEqualTo("globex");
    }

    @Test
    void bothBasicAndBodyCredentialsAreInvalidRequest() {
        assertError(local.requestToken(ACME_BASIC,
                "grant_type=client_credentials&client_id=acme-demo&client_secret=acme-demo-secret"),
                400, "invalid_request");
    }

    @Test
    void aSuspendedClientGetsNoTokenAndAnActiveOneAgainDoes() {
        try (CognitoIdentityProviderClient cognito = local.cognitoClient()) {
            UserPoolClientType client = createClient(cognito, null);
            String basic = RunningLocalApi.basic(client.clientId(), client.clientSecret());

            // Created but not registered: the trigger finds nothing, Cognito issues no token.
            assertTriggerFailed(local.requestToken(basic, "grant_type=client_credentials"));

            register(client.clientId(), "initech", TenantRegistryTable.ACTIVE);
            assertThat(local.requestToken(basic, "grant_type=client_credentials").statusCode()).isEqualTo(200);

            register(client.clientId(), "initech", TenantRegistryTable.SUSPENDED);
            assertTriggerFailed(local.requestToken(basic, "grant_type=client_credentials"));

            register(client.clientId(), "initech", TenantRegistryTable.ACTIVE);
            assertThat(local.requestToken(basic, "grant_type=client_credentials").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aClientsOwnAccessTokenValidityDecidesTheTokensLifetime() throws Exception {
        try (CognitoIdentityProviderClient cognito = local.cognitoClient()) {
            UserPoolClientType client = createClient(cognito, 15);
            register(client.clientId(), "initech", TenantRegistryTable.ACTIVE);

            HttpResponse<String> response = local.requestToken(
                    RunningLocalApi.basic(client.clientId(), client.clientSecret()), "grant_type=client_credentials");

            assertThat(RunningLocalApi.json(response).get("expires_in").intValue()).isEqualTo(900);
            JWTClaimsSet claims = SignedJWT.parse(RunningLocalApi.json(response).get("access_token").stringValue())
                    .getJWTClaimsSet();
            assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                    .isEqualTo(Duration.ofMinutes(15));
            assertThat(claims.getStringClaim("tenant_id")).isEqualTo("initech");
        }
    }

    @Test
    void theRunnersAccessTokenValiditySetsTheLifetimeOfClientsWithoutTheirOwn() {
        try (RunningLocalApi shortLived = RunningLocalApi.start(
                Options.defaults().withPort(0).withAccessTokenValidity(Duration.ofMinutes(5)))) {
            HttpResponse<String> response = shortLived.requestToken(ACME_BASIC, "grant_type=client_credentials");

            assertThat(RunningLocalApi.json(response).get("expires_in").intValue()).isEqualTo(300);
        }
    }

    @Test
    void noClientAuthenticationIsInvalidClient() {
        HttpResponse<String> response = local.requestToken(null, "grant_type=client_credentials");

        assertError(response, 401, "invalid_client");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Basic");
    }

    @Test
    void aWrongSecretIsInvalidClient() {
        assertError(local.requestToken(RunningLocalApi.basic("acme-demo", "guess"), "grant_type=client_credentials"),
                401, "invalid_client");
        assertError(local.requestToken(null, "grant_type=client_credentials&client_id=acme-demo&client_secret=guess"),
                401, "invalid_client");
    }

    @Test
    void anUnknownClientIsInvalidClient() {
        assertError(local.requestToken(RunningLocalApi.basic("nobody", "x"), "grant_type=client_credentials"),
                401, "invalid_client");
    }

    @Test
    void aMissingGrantTypeIsInvalidRequest() {
        assertError(local.requestToken(ACME_BASIC, "scope=invoice-groups%2Fread"), 400, "invalid_request");
    }

    @Test
    void aRepeatedParameterIsInvalidRequest() {
        assertError(local.requestToken(ACME_BASIC, "grant_type=client_credentials&grant_type=client_credentials"),
                400, "invalid_request");
    }

    @Test
    void anyGrantButClientCredentialsIsUnsupportedGrantType() {
        assertError(local.requestToken(ACME_BASIC, "grant_type=password&username=a&password=b"),
                400, "unsupported_grant_type");
    }

    @Test
    void aClientWithoutTheClientCredentialsFlowIsUnauthorizedClient() {
        try (CognitoIdentityProviderClient cognito = local.cognitoClient()) {
            UserPoolClientType client = cognito.createUserPoolClient(create -> create
                    .userPoolId(LocalRunner.USER_POOL_ID).clientName("no-flows").generateSecret(true)).userPoolClient();
            register(client.clientId(), "initech", TenantRegistryTable.ACTIVE);

            assertError(local.requestToken(RunningLocalApi.basic(client.clientId(), client.clientSecret()),
                    "grant_type=client_credentials"), 400, "unauthorized_client");
        }
    }

    @Test
    void aScopeTheClientMayNotHaveIsInvalidScope() {
        assertError(local.requestToken(RunningLocalApi.basic("acme-no-read", "acme-no-read-secret"),
                "grant_type=client_credentials&scope=invoice-groups%2Fread"), 400, "invalid_scope");
        assertError(local.requestToken(ACME_BASIC, "grant_type=client_credentials&scope=tenant%2Fglobex"),
                400, "invalid_scope");
    }

    @Test
    void aBodyThatIsNotAFormIsInvalidRequest() {
        HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri("/oauth2/token"))
                .header("Authorization", ACME_BASIC)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
                .build());

        assertError(response, 400, "invalid_request");
    }

    @Test
    void onlyPostIsAllowed() {
        HttpResponse<String> response = local.get("/oauth2/token", null);

        assertError(response, 405, "invalid_request");
        assertThat(response.headers().firstValue("allow")).hasValue("POST");
    }

    private static UserPoolClientType createClient(CognitoIdentityProviderClient cognito, Integer validityMinutes) {
        return cognito.createUserPoolClient(create -> {
            create.userPoolId(LocalRunner.USER_POOL_ID).clientName("initech").generateSecret(true)
                    .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes(ResourceServer.READ_SCOPE);
            if (validityMinutes != null) {
                create.accessTokenValidity(validityMinutes)
                        .tokenValidityUnits(units -> units.accessToken(TimeUnitsType.MINUTES));
            }
        }).userPoolClient();
    }

    /** What {@code tenants add|suspend|resume} writes in the registry: the tenant record (its status), the client record. */
    private static void register(String clientId, String tenantId, String status) {
        local.api.deployment().dynamoDb().putItem(put -> put.tableName(TenantRegistryTable.DEFAULT_NAME).item(Map.of(
                TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(TenantRegistryTable.tenantRecordKey(tenantId)),
                TenantRegistryTable.TENANT_ID, AttributeValue.fromS(tenantId),
                TenantRegistryTable.STATUS, AttributeValue.fromS(status),
                TenantRegistryTable.PLAN, AttributeValue.fromS("standard"),
                TenantRegistryTable.VERSION, AttributeValue.fromN("1"),
                TenantRegistryTable.CLIENT_IDS, AttributeValue.fromSs(java.util.List.of(clientId)),
                TenantRegistryTable.API_KEY_VALUE, AttributeValue.fromS("local-" + tenantId),
                TenantRegistryTable.CREATED_AT, AttributeValue.fromS("2026-11-24T20:00:00Z"))));
        local.api.deployment().dynamoDb().putItem(put -> put.tableName(TenantRegistryTable.DEFAULT_NAME).item(Map.of(
                TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(clientId),
                TenantRegistryTable.TENANT_ID, AttributeValue.fromS(tenantId),
                TenantRegistryTable.CREATED_AT, AttributeValue.fromS("2026-11-24T20:00:00Z"))));
    }

    private static void assertTriggerFailed(HttpResponse<String> response) {
        assertError(response, 400, "invalid_request");
        assertThat(RunningLocalApi.json(response).get("error_description").stringValue())
                .startsWith("PreTokenGeneration failed with error ");
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(RunningLocalApi.json(response).get("error").stringValue()).isEqualTo(error);
        assertThat(response.body()).doesNotContain("access_token");
    }
}
