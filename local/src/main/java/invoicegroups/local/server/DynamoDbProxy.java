package invoicegroups.local.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passes DynamoDB API calls ({@code X-Amz-Target: DynamoDB_20120810.*}) on to the embedded DynamoDB Local, the body
 * byte for byte both ways, so one endpoint ({@code http://localhost:8080}) serves the operator command both Cognito's
 * and DynamoDB's APIs, as the deployed stack's two services do. The body arrives read in full (within DynamoDB's 16 MB
 * limit), so DynamoDB Local's threads never wait on a slow client.
 */
public final class DynamoDbProxy {

    public static final String TARGET_PREFIX = "DynamoDB_20120810.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Headers the JDK's client sets itself, or that describe one hop only. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "date", "via",
            "warning", "from", "referer");
    /** The longest a call may take in DynamoDB Local (a scan of a large table) before it counts as a fault. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final URI dynamoDb;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public DynamoDbProxy(URI dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    public HttpReply forward(HttpRequest request) {
        String target = request.header("X-Amz-Target");
        String operation = target == null ? "" : target.substring(Math.min(target.length(), TARGET_PREFIX.length()));
        String authorization = request.header("Authorization");
        if (authorization != null && !DynamoDbInput.signatureV4(authorization)) {
            return error(DynamoDbInput.INCOMPLETE_SIGNATURE,
                    "the Authorization header is not AWS Signature Version 4 (Credential=KEY/DATE/REGION/SERVICE/aws4_request)");
        }
        Optional<String> malformed = DynamoDbInput.problem(operation, request.body());
        if (malformed.isPresent()) {
            return error(DynamoDbInput.SERIALIZATION, malformed.get());
        }
        java.net.http.HttpRequest.Builder forwarded = java.net.http.HttpRequest.newBuilder(dynamoDb.resolve("/"))
                .timeout(CALL_TIMEOUT)
                .POST(BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                try {
                    forwarded.header(header.getKey(), value);
                } catch (IllegalArgumentException unusable) {
                    // A name or value HTTP allows but the JDK's client will not send (a byte above 0x7E, say).
                    return ErrorShape.DYNAMODB.refuse(Refusal.BAD_REQUEST,
                            "a header's name or value has characters DynamoDB does not accept");
                }
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB Local did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while DynamoDB Local answered", e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        return new HttpReply(response.statusCode(), headers, response.body());
    }

    /** DynamoDB's answer to a call it cannot take as it is. */
    private static HttpReply error(String type, String problem) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("__type", type);
        body.put("message", problem);
        return HttpReply.of(400, CONTENT_TYPE, JSON.writeValueAsBytes(body));
    }
}
