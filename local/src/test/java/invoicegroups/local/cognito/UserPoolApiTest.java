package invoicegroups.local.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.local.RunningLocalApi;
import invoicegroups.table.LocalRunner;
import invoicegroups.table.ResourceServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import tools.jackson.databind.JsonNode;

/**
 * The user-pool-client API on the runner's port, called by the AWS SDK's Cognito client as the operator command calls
 * Cognito: create, describe, list page by page, delete, and Cognito's error shapes.
 */
class UserPoolApiTest {

    private static RunningLocalApi local;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start();
        cognito = local.cognitoClient();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        local.close();
    }

    @Test
    void aCreatedClientHasACognitoShapedIdAndSecretAndDescribesAsCreated() {
        UserPoolClientType created = create("tenant-initech");

        assertThat(created.clientId()).matches("[a-z0-9]{26}");
        assertThat(created.clientSecret()).matches("[a-z0-9]{51}");
        assertThat(created.userPoolId()).isEqualTo(LocalRunner.USER_POOL_ID);
        assertThat(created.allowedOAuthFlows()).containsExactly(OAuthFlowType.CLIENT_CREDENTIALS);
        assertThat(created.allowedOAuthScopes()).containsExactly(ResourceServer.READ_SCOPE);
        assertThat(created.allowedOAuthFlowsUserPoolClient()).isTrue();
        assertThat(created.creationDate()).isNotNull();

        UserPoolClientType described = cognito.describeUserPoolClient(describe -> describe
                .userPoolId(LocalRunner.USER_POOL_ID).clientId(created.clientId())).userPoolClient();

        assertThat(described).isEqualTo(created);
    }

    @Test
    void theAccessTokenValidityIsKeptWithItsUnit() {
        UserPoolClientType created = cognito.createUserPoolClient(create -> create
                .userPoolId(LocalRunner.USER_POOL_ID).clientName("short").generateSecret(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthScopes(ResourceServer.READ_SCOPE)
                .accessTokenValidity(2).tokenValidityUnits(units -> units.accessToken(TimeUnitsType.HOURS)))
                .userPoolClient();

        assertThat(created.accessTokenValidity()).isEqualTo(120);
        assertThat(created.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.MINUTES);
    }

    @Test
    void listingPageByPageReturnsEveryClientOnceAndTheLastPageHasNoNextToken() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(create("paged-" + i).clientId());
        }
        List<String> seen = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            String token = nextToken;
            ListUserPoolClientsResponse page = cognito.listUserPoolClients(list -> list
                    .userPoolId(LocalRunner.USER_POOL_ID).maxResults(3).nextToken(token));
            assertThat(page.userPoolClients()).hasSizeLessThanOrEqualTo(3);
            page.userPoolClients().forEach(client -> assertThat(client.userPoolId()).isEqualTo(LocalRunner.USER_POOL_ID));
            page.userPoolClients().stream().map(UserPoolClientDescription::clientId).forEach(seen::add);
            nextToken = page.nextToken();
            pages++;
        } while (nextToken != null && pages < 100);

        assertThat(seen).doesNotHaveDuplicates().containsAll(created).contains("acme-demo", "globex-demo", "acme-no-read");
        assertThat(seen).isSorted();
        List<String> everything = cognito.listUserPoolClientsPaginator(list -> list.userPoolId(LocalRunner.USER_POOL_ID))
                .userPoolClients().stream().map(UserPoolClientDescription::clientId).toList();
        assertThat(everything).containsExactlyElementsOf(seen);
    }

    @Test
    void aDeletedClientIsGoneAndGetsNoToken() {
        UserPoolClientType created = create("to-delete");

        cognito.deleteUserPoolClient(delete -> delete.userPoolId(LocalRunner.USER_POOL_ID).clientId(created.clientId()));

        assertThatThrownBy(() -> cognito.describeUserPoolClient(describe -> describe
                .userPoolId(LocalRunner.USER_POOL_ID).clientId(created.clientId())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cognito.deleteUserPoolClient(delete -> delete
                .userPoolId(LocalRunner.USER_POOL_ID).clientId(created.clientId())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(local.requestToken(RunningLocalApi.basic(created.clientId(), created.clientSecret()),
                "grant_type=client_credentials").statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownClientIsResourceNotFoundWithCognitosShape() {
        HttpResponse<String> response = local.cognito("DescribeUserPoolClient",
                "{\"UserPoolId\":\"" + LocalRunner.USER_POOL_ID + "\",\"ClientId\":\"nosuchclient\"}");

        assertCognitoError(response, "ResourceNotFoundException");
        assertThat(RunningLocalApi.json(response).get("message").stringValue()).contains("nosuchclient");
        assertThat(response.headers().firstValue("content-type")).hasValue(UserPoolApi.CONTENT_TYPE);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void anotherUserPoolIsResourceNotFound() {
        assertThatThrownBy(() -> cognito.listUserPoolClients(list -> list.userPoolId("us-east-1_Other1234")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("us-east-1_Other1234");
    }

    @Test
    void invalidParametersAreInvalidParameterExceptionsThatNeverEchoTheInput() {
        String longId = "x".repeat(5000);

        HttpResponse<String> badPool = local.cognito("ListUserPoolClients", "{\"UserPoolId\":\"" + longId + "\"}");
        assertCognitoError(badPool, "InvalidParameterException");
        assertThat(badPool.body()).doesNotContain(longId).hasSizeLessThan(300);

        HttpResponse<String> badClient = local.cognito("DescribeUserPoolClient",
                "{\"UserPoolId\":\"" + LocalRunner.USER_POOL_ID + "\",\"ClientId\":\"" + longId + "\"}");
        assertCognitoError(badClient, "InvalidParameterException");
        assertThat(badClient.body()).doesNotContain(longId);

        assertCognitoError(local.cognito("ListUserPoolClients",
                "{\"UserPoolId\":\"" + LocalRunner.USER_POOL_ID + "\",\"MaxResults\":61}"), "InvalidParameterException");
        assertCognitoError(local.cognito("ListUserPoolClients",
                "{\"UserPoolId\":\"" + LocalRunner.USER_POOL_ID + "\",\"NextToken\":\"!!forged!!\"}"), "InvalidParameterException");
        assertCognitoError(local.cognito("CreateUserPoolClient", "{\"UserPoolId\":\"" + LocalRunner.USER_POOL_ID + "\"}"),
                "InvalidParameterException");
        assertThatThrownBy(() -> cognito.createUserPoolClient(create -> create.userPoolId(LocalRunner.USER_POOL_ID)
                .clientName("x").generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes(ResourceServer.READ_SCOPE)
                .accessTokenValidity(2).tokenValidityUnits(units -> units.accessToken(TimeUnitsType.MINUTES))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void oauthRulesAreCognitos() {
        assertThatThrownBy(() -> cognito.createUserPoolClient(create -> create.userPoolId(LocalRunner.USER_POOL_ID)
                .clientName("no-secret").allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes(ResourceServer.READ_SCOPE)))
                .isInstanceOf(InvalidOAuthFlowException.class);
        assertThatThrownBy(() -> cognito.createUserPoolClient(create -> create.userPoolId(LocalRunner.USER_POOL_ID)
                .clientName("unknown-scope").generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("tenant/acme")))
                .isInstanceOf(ScopeDoesNotExistException.class);
    }

    @Test
    void aBodyThatIsNotJsonAndAnUnknownOperationAreRefusedInTheProtocolsWords() {
        assertCognitoError(local.cognito("ListUserPoolClients", "not json"), "SerializationException");
        assertCognitoError(local.cognito("AdminDeleteUser", "{}"), "UnknownOperationException");
    }

    private static UserPoolClientType create(String name) {
        return cognito.createUserPoolClient(create -> create
                .userPoolId(LocalRunner.USER_POOL_ID).clientName(name).generateSecret(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthScopes(ResourceServer.READ_SCOPE)).userPoolClient();
    }

    private static void assertCognitoError(HttpResponse<String> response, String type) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = RunningLocalApi.json(response);
        assertThat(body.get("__type").stringValue()).isEqualTo(type);
        assertThat(body.get("message").stringValue()).isNotBlank();
    }
}
