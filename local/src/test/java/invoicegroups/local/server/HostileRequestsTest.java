package invoicegroups.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.RunningLocalApi;
import invoicegroups.local.cognito.DemoClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A bounded fuzz of the running runner over raw sockets: random methods, paths, query strings with bad
 * percent-encoding, headers with control characters and other bytes, odd Content-Length and Transfer-Encoding,
 * oversized request lines, headers and bodies, on every route. Every answer must be JSON (the OpenAPI document
 * aside) with a status the route's service could give, never a 5xx; and the runner must still answer a normal request
 * within a second afterwards.
 */
class HostileRequestsTest {

    /** Enough to meet every generator's branch many times over, quick enough for every build (about 10 s). */
    static final int REQUESTS = 1_500;
    static final long SEED = Long.getLong("fuzz.seed", 17L);
    /** What the routes and the HTTP layer answer to bad requests: never a 5xx. */
    static final Set<Integer> EXPECTED = Set.of(200, 201, 202, 400, 401, 403, 404, 405, 408, 409, 413, 414, 415, 417,
            426, 429, 431);
    /** A plan so wide that the fuzz, not the usage plan, decides the answers (the plans have tests of their own). */
    static final String WIDE_PLAN = "{\"standard\": {\"rateLimit\": 10000, \"burstLimit\": 5000}}";

    static RunningLocalApi local;
    /** A real token, so that odd query strings and headers reach the handler too, not only the authorizer. */
    static String validToken;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start("--plans", WIDE_PLAN);
        // The first listing in a JVM loads the handler's classes and builds its clients: not what is measured here.
        validToken = local.token(DemoClients.ACME);
        local.get("/invoice_groups", validToken);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void everyHostileRequestGetsAJsonAnswerInItsRoutesShapeAndNeverA5xx() throws IOException {
        Random random = new Random(SEED);
        URI base = local.api.baseUri();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int closedWithoutAnswer = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Generated request = generate(random);
            List<RawHttp.Answer> answers = RawHttp.exchange(base, request.bytes(), 3_000, request.head());
            if (answers.isEmpty()) {
                closedWithoutAnswer++;
                continue;
            }
            for (RawHttp.Answer answer : answers) {
                String what = "request " + i + " (seed " + SEED + "): " + request.describe() + " -> " + answer.status()
                        + " " + answer.text();
                statuses.merge(answer.status(), 1, Integer::sum);
                assertThat(answer.status()).as(what).isIn(EXPECTED);
                if (answer.contentType().startsWith("application/yaml")) {
                    assertThat(answer.status()).as(what).isEqualTo(200);
                    continue;
                }
                assertThat(answer.contentType()).as(what).containsAnyOf("application/json", "application/x-amz-json-1.");
                if (answer.body().length > 0) {
                    JsonNode json = RunningLocalApi.JSON.readTree(answer.body());
                    if (answer.status() >= 400) {
                        assertShape(request.path(), request.target(), json, what);
                        // A request line the HTTP layer cannot read (too long, an unknown method, a path it cannot
                        // decode) is too broken to tell whose it is: {"message"} alone.
                        if (answer == answers.get(0) && management(request.path()) && readable(request.describe())
                                && answer.status() != 414) {
                            assertThat(answer.headers()).as(what).containsKey("x-amzn-errortype");
                        }
                    }
                    assertThat(answer.text()).as(what).doesNotContain("Exception:", "at java.", "at org.eclipse");
                }
            }
        }
        System.out.printf("fuzz: %d requests, statuses %s, %d closed without an answer%n", REQUESTS, statuses,
                closedWithoutAnswer);
        // Every request is sent whole (then the sending side is closed), so every one gets an answer.
        assertThat(closedWithoutAnswer).isZero();
        assertNormalRequestsStillAnswerWithinASecond();
    }

    static void assertNormalRequestsStillAnswerWithinASecond() {
        long started = System.nanoTime();
        String token = local.token(DemoClients.ACME);
        var response = local.get("/invoice_groups", token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        System.out.printf("a token and a listing afterwards: %d ms%n", took.toMillis());
    }

    private static boolean management(String path) {
        return path.startsWith("/apikeys") || path.startsWith("/usageplans");
    }

    private static boolean readable(String describe) {
        String method = describe.substring(0, describe.indexOf(' '));
        String path = describe.substring(describe.indexOf(' ') + 1);
        return Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH").contains(method)
                && !path.substring(0, path.indexOf(' ')).contains("%");
    }

    /** An error body as the route's service words it; a request the server could not parse gets API Gateway's. */
    private static void assertShape(String path, String target, JsonNode json, String what) {
        boolean awsJson = path.equals("/") && target != null;
        if (json.has("__type")) {
            assertThat(awsJson).as(what).isTrue();
            assertThat(json.get("__type").isString()).as(what).isTrue();
        } else if (json.has("error")) {
            assertThat(path).as(what).isEqualTo("/oauth2/token");
        } else {
            assertThat(json.has("message") || json.has("Message")).as(what).isTrue();
            assertThat(json.properties()).as(what).hasSizeLessThanOrEqualTo(2);
        }
    }

    record Generated(byte[] bytes, String path, String target, boolean head, String describe) {
    }

    private static final String[] METHODS = {"GET", "POST", "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS",
        "PATCH", "TRACE", "FOO", "get", "G(T", "CONNECT"};
    private static final String[] PATHS = {"/invoice_groups", "/oauth2/token", "/", "/.well-known/jwks.json",
        "/openapi.yaml", "/nope", "/%zz", "/invoice_groups/../x", "//", "/invoice%5Fgroups", "/a%00b", "/%", "*",
        "/invoice_groups;x=1", "/%E0%A4%A", "/apikeys", "/apikeys/abcdefghij", "/apikeys/%zz", "/usageplans",
        "/usageplans/standard", "/usageplans/standard/keys", "/usageplans/standard/keys/abcdefghij", "/usageplans//keys"};
    private static final String[] QUERIES = {"", "?pageSize=5", "?x=%zz", "?nextToken=<nextToken>", "?pageSize=abc",
        "?a=%", "?%%%", "?pageSize=5&nextToken=%E0%A4%A", "?pageSize=2&pageSize=3", "?nextToken=" + "A".repeat(3000),
        "?x=\u00e9"};
    /** How often each part of a request is odd: often enough for every oddity, rarely enough to reach the routes. */
    private static final double ODD = 0.3;
    private static final String[] HOSTS = {"localhost:8080", "127.0.0.1", "[::1]", "attacker.example", "10.0.0.1",
        "local host", "localhost:99999", ""};
    private static final String[] TARGETS = {null, "DynamoDB_20120810.Scan", "DynamoDB_20120810.ListTables",
        "DynamoDB_20120810.Nope", "AWSCognitoIdentityProviderService.ListUserPoolClients",
        "AWSCognitoIdentityProviderService.CreateUserPoolClient", "Other.Thing", ""};
    private static final String[] AUTHORIZATIONS = {null, "Bearer x.y.z", "Bearer", "Basic YWNtZS1kZW1vOmFjbWUtZGVtby1zZWNyZXQ=",
        "Basic !!!", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=", "Bearer " + "a".repeat(5000)};
    private static final String[] CONTENT_TYPES = {null, "application/json", "application/x-amz-json-1.0",
        "application/x-amz-json-1.1", "application/x-www-form-urlencoded", "text/html; charset=\u0001", "*/*"};
    private static final String[] BODIES = {"", "{}", "{", "[1,2", "grant_type=client_credentials",
        "grant_type=client_credentials&client_id=acme-demo&client_secret=acme-demo-secret", "%zz=%", "null",
        "{\"TableName\":\"tenant-registry\"}", "{\"UserPoolId\":\"us-east-1_LocalPool\",\"MaxResults\":1000}",
        "{\"name\":\"fuzz\",\"enabled\":true}", "{\"keyId\":\"abcdefghij\",\"keyType\":\"API_KEY\"}",
        "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":\"maybe\"}]}",
        "\u0000\u0001\u00ff"};

    static Generated generate(Random random) {
        String method = odd(random) ? pick(random, METHODS) : METHODS[random.nextInt(2)];
        String path = odd(random) ? pick(random, PATHS) : PATHS[random.nextInt(3)];
        String query = odd(random) ? pick(random, QUERIES) : QUERIES[random.nextInt(2)];
        if (random.nextInt(40) == 0) {
            query = "?q=" + "x".repeat(11_000);
        }
        String target = path.equals("/") && !odd(random) ? TARGETS[1 + random.nextInt(4)] : pick(random, TARGETS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + path + query + " " + (random.nextInt(30) == 0 ? "HTTP/2.0" : "HTTP/1.1") + "\r\n");
        if (random.nextInt(20) != 0) {
            write(out, "Host: " + (odd(random) ? pick(random, HOSTS) : "localhost") + "\r\n");
        }
        if (target != null) {
            write(out, "X-Amz-Target: " + target + "\r\n");
        }
        header(out, "Authorization", random.nextInt(3) == 0 ? "Bearer " + validToken : pick(random, AUTHORIZATIONS));
        header(out, "Content-Type", pick(random, CONTENT_TYPES));
        switch (odd(random) ? random.nextInt(10) : -1) {
            case 0 -> write(out, "X-Control: a\u0001b\r\n");
            case 1 -> write(out, "X-Delete: a\u007fb\r\n");
            case 2 -> write(out, "X-Latin: caf\u00e9\r\n");
            case 3 -> write(out, "X-Nul: a\u0000b\r\n");
            case 4 -> write(out, "X-Big: " + "b".repeat(12_000) + "\r\n");
            case 5 -> {
                for (int i = 0; i < 150; i++) {
                    write(out, "X-Many-" + i + ": y\r\n");
                }
            }
            case 6 -> write(out, "Bad Header: x\r\n");
            case 7 -> write(out, "X-Folded: a\r\n b\r\n");
            case 8 -> write(out, "Expect: 100-continue\r\n");
            case 9 -> write(out, ": no name\r\n");
            default -> {
            }
        }
        byte[] body = body(random);
        String framing;
        switch (odd(random) ? random.nextInt(12) : -1) {
            case 0 -> framing = "Content-Length: " + (body.length + 10) + "\r\n";
            case 1 -> framing = "Content-Length: " + Math.max(0, body.length - 1) + "\r\n";
            case 2 -> framing = "Content-Length: -1\r\n";
            case 3 -> framing = "Content-Length: abc\r\n";
            case 4 -> framing = "Content-Length: 99999999999999999999\r\n";
            case 5 -> framing = "Content-Length: 2200000000\r\n";
            case 6 -> framing = "Content-Length: " + body.length + "\r\nContent-Length: " + (body.length + 1) + "\r\n";
            case 7 -> {
                framing = "Transfer-Encoding: chunked\r\n";
                body = chunked(body, random);
            }
            case 8 -> {
                framing = "Transfer-Encoding: chunked\r\n";
                body = ("zz\r\n" + new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 9 -> {
                framing = "Transfer-Encoding: chunked\r\n";
                body = "ffffffffffff\r\nabc\r\n".getBytes(StandardCharsets.ISO_8859_1);
            }
            case 10 -> framing = "Transfer-Encoding: gzip\r\n";
            case 11 -> framing = "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n";
            default -> framing = body.length == 0 && random.nextBoolean() ? "" : "Content-Length: " + body.length + "\r\n";
        }
        write(out, framing + "\r\n");
        out.writeBytes(body);
        String describe = method + " " + bounded(path + query) + " target=" + target + " framing="
                + framing.replace("\r\n", ";") + " body=" + body.length + " bytes";
        return new Generated(out.toByteArray(), path, target, method.equals("HEAD"), describe);
    }

    private static byte[] body(Random random) {
        return switch (odd(random) ? random.nextInt(3) : -1) {
            case 0 -> new byte[20_000];
            case 1 -> new byte[70 * 1024];
            case 2 -> new byte[300 * 1024];
            default -> pick(random, BODIES).getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private static byte[] chunked(byte[] body, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(8192));
            write(out, Integer.toHexString(size) + "\r\n");
            out.write(body, at, size);
            write(out, "\r\n");
            at += size;
        }
        write(out, random.nextInt(10) == 0 ? "0\r\nX-Trailer: t\r\n\r\n" : "0\r\n\r\n");
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, String name, String value) {
        if (value != null) {
            write(out, name + ": " + value + "\r\n");
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean odd(Random random) {
        return random.nextDouble() < ODD;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String bounded(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
