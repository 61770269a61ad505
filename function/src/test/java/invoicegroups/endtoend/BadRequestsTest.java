package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.support.InvoiceGroupsApi;
import invoicegroups.support.Response;
import invoicegroups.support.SampleInvoiceGroups;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid request is a 400 whose message names the parameter and the rule, never the caller's input. */
class BadRequestsTest {

    private static final String INVALID_TOKEN =
            "nextToken is not a valid token: pass back the nextToken of the previous page unchanged";
    private static final String INVALID_LAST_ITEM_ID = "nextToken does not hold a valid lastItemId";
    private static final String PAGE_SIZE = "pageSize must be an integer from 1 to 100";
    private static final String SORT_ORDER = "sortOrder must be asc or desc";

    private static InvoiceGroupsApi api;

    @BeforeAll
    static void seed() {
        api = InvoiceGroupsApi.onDynamoDbLocal();
        api.seed("acme", SampleInvoiceGroups.of("ig", 5));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // nextToken
                bad("malformed base64", "nextToken=" + encode("not a token!"), "nextToken must be base64"),
                bad("base64 with a character outside both alphabets", "nextToken=" + encode("eyJ*"), "nextToken must be base64"),
                bad("empty token", "nextToken=", "nextToken must not be empty"),
                bad("token over 1 KiB", "nextToken=" + "A".repeat(1025), "nextToken must be at most 1024 characters"),
                bad("huge token", "nextToken=" + "A".repeat(100_000), "nextToken must be at most 1024 characters"),
                bad("base64 of non-JSON", token("hello, world"), INVALID_TOKEN),
                bad("base64 of invalid UTF-8", "nextToken=" + Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28}), INVALID_TOKEN),
                bad("JSON array", token("[\"ig_00001\",2,\"asc\"]"), INVALID_TOKEN),
                bad("JSON string", token("\"ig_00001\""), INVALID_TOKEN),
                bad("empty object", token("{}"), INVALID_TOKEN),
                bad("missing lastItemId", token("{\"pageSize\":2,\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("missing pageSize", token("{\"lastItemId\":\"ig_00001\",\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("missing sortOrder", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":2}"), INVALID_TOKEN),
                bad("a tenant smuggled in", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":2,\"sortOrder\":\"asc\",\"tenantId\":\"globex\"}"), INVALID_TOKEN),
                bad("duplicate property", token("{\"lastItemId\":\"ig_00001\",\"lastItemId\":\"ig_00002\",\"pageSize\":2,\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("trailing content", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":2,\"sortOrder\":\"asc\"} {}"), INVALID_TOKEN),
                bad("truncated JSON", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":2"), INVALID_TOKEN),
                bad("lastItemId a number", token("{\"lastItemId\":1,\"pageSize\":2,\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("lastItemId null", token("{\"lastItemId\":null,\"pageSize\":2,\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("lastItemId an object", token("{\"lastItemId\":{\"S\":\"x\"},\"pageSize\":2,\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("pageSize a string", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":\"2\",\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("pageSize a fraction", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":1.5,\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("pageSize zero", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":0,\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("pageSize over 100", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":101,\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("pageSize beyond int", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":99999999999,\"sortOrder\":\"asc\"}"), INVALID_TOKEN),
                bad("sortOrder unknown", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":2,\"sortOrder\":\"up\"}"), INVALID_TOKEN),
                bad("sortOrder upper case", token("{\"lastItemId\":\"ig_00001\",\"pageSize\":2,\"sortOrder\":\"ASC\"}"), INVALID_TOKEN),
                bad("lastItemId empty (DynamoDB refuses an empty key)", token("{\"lastItemId\":\"\",\"pageSize\":2,\"sortOrder\":\"asc\"}"), INVALID_LAST_ITEM_ID),
                bad("lastItemId a lone surrogate", token("{\"lastItemId\":\"\\ud800\",\"pageSize\":2,\"sortOrder\":\"asc\"}"), INVALID_LAST_ITEM_ID),
                bad("lastItemId a control character", token("{\"lastItemId\":\"a\\u0000b\",\"pageSize\":2,\"sortOrder\":\"asc\"}"), INVALID_LAST_ITEM_ID),
                // pageSize
                bad("pageSize 0", "pageSize=0", PAGE_SIZE),
                bad("pageSize 101", "pageSize=101", PAGE_SIZE),
                bad("pageSize -1", "pageSize=-1", PAGE_SIZE),
                bad("pageSize 1.5", "pageSize=1.5", PAGE_SIZE),
                bad("pageSize abc", "pageSize=abc", PAGE_SIZE),
                bad("pageSize empty", "pageSize=", PAGE_SIZE),
                bad("pageSize with a sign", "pageSize=%2B5", PAGE_SIZE),
                bad("pageSize with leading zero", "pageSize=05", PAGE_SIZE),
                bad("pageSize in exponent form", "pageSize=1e2", PAGE_SIZE),
                bad("pageSize with spaces", "pageSize=%205", PAGE_SIZE),
                bad("pageSize beyond long", "pageSize=" + "9".repeat(40), PAGE_SIZE),
                // sortOrder
                bad("sortOrder unknown", "sortOrder=up", SORT_ORDER),
                bad("sortOrder upper case", "sortOrder=ASC", SORT_ORDER),
                bad("sortOrder empty", "sortOrder=", SORT_ORDER),
                // repeated parameters (API Gateway lists every value in multiValueQueryStringParameters; queryStringParameters
                // holds only the last one)
                bad("pageSize repeated", "pageSize=1&pageSize=2", "pageSize must not be repeated"),
                bad("pageSize repeated with one value", "pageSize=5&pageSize=5", "pageSize must not be repeated"),
                bad("sortOrder repeated", "sortOrder=asc&sortOrder=desc", "sortOrder must not be repeated"),
                bad("nextToken repeated", "nextToken=abc&nextToken=def", "nextToken must not be repeated"),
                bad("nextToken repeated, name percent-encoded", "nextToken=abc&next%54oken=def", "nextToken must not be repeated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isA400NamingTheParameterAndTheRule(String what, String rawQuery, String message) {
        Response response = api.list("acme", rawQuery);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo(message).hasSizeLessThanOrEqualTo(500);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
    }

    private static Arguments bad(String what, String rawQuery, String message) {
        return Arguments.of(what, rawQuery, message);
    }

    private static String token(String json) {
        return "nextToken=" + Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
