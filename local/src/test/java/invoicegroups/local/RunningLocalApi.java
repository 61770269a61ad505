package invoicegroups.local;

import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.local.cognito.DemoClient;
import invoicegroups.local.cognito.SigningKey;
import invoicegroups.local.cognito.UserPoolApi;
import invoicegroups.local.gateway.LambdaAuthorizer;
import invoicegroups.local.gateway.RestApiFront;
import invoicegroups.local.server.Limits;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner started in this JVM on a free port, with a signing key the tests know, an HTTP client for it, and the
 * AWS SDK's Cognito and DynamoDB clients pointed at its port, as the operator command points them.
 */
public final class RunningLocalApi implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    public final SigningKey key = SigningKey.generate();
    public final LocalApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningLocalApi(Options options, PrintStream console, Limits limits) {
        this.api = LocalApi.start(options, key, console, limits);
    }

    /** In memory, the bundled sample data, a free port. */
    public static RunningLocalApi start() {
        return start(Options.defaults().withPort(0));
    }

    public static RunningLocalApi start(Options options) {
        return new RunningLocalApi(options, QUIET, Limits.DEFAULT);
    }

    /** With the runner's own command line (as a user types it after {@code java -jar ...}), on a free port. */
    public static RunningLocalApi start(String... args) {
        return start(OptionsParser.parse(List.of(args)).withPort(0));
    }

    /** @param console where the banner and the access log go */
    public static RunningLocalApi start(Options options, PrintStream console) {
        return new RunningLocalApi(options, console, Limits.DEFAULT);
    }

    /** @param limits the HTTP server's, shortened by tests that wait for a timeout */
    public static RunningLocalApi start(Options options, PrintStream console, Limits limits) {
        return new RunningLocalApi(options, console, limits);
    }

    public URI uri(String pathAndQuery) {
        return URI.create(api.baseUri() + pathAndQuery);
    }

    public String issuer() {
        return api.baseUri().toString();
    }

    /** A token with all the client's scopes, from the token endpoint over HTTP, the way the README's curl gets one. */
    public String token(DemoClient client) {
        return token(client, null);
    }

    /** @param scope the scope parameter, space separated, or {@code null} to leave it out */
    public String token(DemoClient client, String scope) {
        HttpResponse<String> response = requestToken(basic(client.clientId(), client.clientSecret()),
                "grant_type=client_credentials"
                        + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").stringValue();
    }

    public HttpResponse<String> requestToken(String authorization, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The stack's Lambda authorizer on this runner's pool and registry, as the front runs it, lines discarded. */
    public LambdaAuthorizer lambdaAuthorizer() {
        PrintStream discarded = new PrintStream(OutputStream.nullOutputStream());
        return new LambdaAuthorizer(api.deployment().authorizer(issuer(), discarded), "GET", RestApiFront.PATH);
    }

    /** Sets a tenant record's status in the runner's registry directly, behind the tenants command's back. */
    public void setTenantStatus(String tenant, String status) {
        api.deployment().dynamoDb().updateItem(update -> update.tableName(TenantRegistryTable.DEFAULT_NAME)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY,
                        AttributeValue.fromS(TenantRegistryTable.tenantRecordKey(tenant))))
                .updateExpression("SET #status = :status")
                .expressionAttributeNames(Map.of("#status", TenantRegistryTable.STATUS))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status))));
    }

    /** {@code GET} with {@code Authorization: Bearer <token>}, or no Authorization header when token is null. */
    public HttpResponse<String> get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code PATCH} with a JSON body (UpdateApiKey's method, which the SDK's URLConnection client cannot send:
     * {@code HttpURLConnection} knows no PATCH).
     */
    public HttpResponse<String> patch(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** POST / with {@code X-Amz-Target: AWSCognitoIdentityProviderService.<operation>} and a JSON body, raw. */
    public HttpResponse<String> cognito(String operation, String json) {
        return send(HttpRequest.newBuilder(uri("/"))
                .header("Content-Type", UserPoolApi.CONTENT_TYPE)
                .header("X-Amz-Target", UserPoolApi.TARGET_PREFIX + operation)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** The AWS SDK's Cognito client with the runner as its endpoint. */
    public CognitoIdentityProviderClient cognitoClient() {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(api.baseUri())
                .region(Region.US_EAST_1)
                .credentialsProvider(EmbeddedDynamoDb.CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The AWS SDK's API Gateway client with the runner as its endpoint, as the operator command builds it. */
    public ApiGatewayClient apiGatewayClient() {
        return ApiGatewayClient.builder()
                .endpointOverride(api.baseUri())
                .region(Region.US_EAST_1)
                .credentialsProvider(EmbeddedDynamoDb.CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The AWS SDK's DynamoDB client with the runner (not DynamoDB Local itself) as its endpoint. */
    public DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.builder()
                .endpointOverride(api.baseUri())
                .region(Region.US_EAST_1)
                .credentialsProvider(EmbeddedDynamoDb.CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        api.close();
    }
}
