package invoicegroups.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.RunningLocalApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On loopback, the runner answers requests for localhost only: a web page that rebinds its own name to 127.0.0.1 (DNS
 * rebinding) reaches the port from the developer's browser with its own name in {@code Host}, and gets nothing.
 */
class ForeignHostTest {

    static RunningLocalApi local;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void aRequestForAnotherHostIsRefusedInItsRoutesShape() throws Exception {
        RawHttp.Answer scan = ask("POST / HTTP/1.1\r\nHost: attacker.example:8080\r\n"
                + "X-Amz-Target: DynamoDB_20120810.Scan\r\nContent-Length: 32\r\n\r\n{\"TableName\":\"tenant-registry\"}");
        RawHttp.Answer api = ask("GET /invoice_groups HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
        RawHttp.Answer token = ask("POST /oauth2/token HTTP/1.1\r\nHost: 192.168.1.20\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 29\r\n\r\ngrant_type=client_credentials");

        assertThat(scan.status()).isEqualTo(403);
        assertThat(scan.text()).startsWith("{\"__type\":\"AccessDeniedException\"").doesNotContain("tenantId");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.text()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.text()).startsWith("{\"error\":\"invalid_request\"");
    }

    @Test
    void localhostAndLoopbackAddressesAreAnswered() throws Exception {
        for (String host : List.of("localhost", "LOCALHOST:8080", "api.localhost", "127.0.0.1", "127.0.0.1:1234",
                "[::1]", "[::1]:8080")) {
            assertThat(ask("GET /openapi.yaml HTTP/1.1\r\nHost: " + host + "\r\n\r\n").status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void namesThatLookLikeAddressesAreNotLookedUp() {
        assertThat(LocalServer.loopbackName("cafe.be")).isFalse();
        assertThat(LocalServer.loopbackName("127.0.0.1.nip.io")).isFalse();
        assertThat(LocalServer.loopbackName("10.0.0.1")).isFalse();
        assertThat(LocalServer.loopbackName("::ffff:127.0.0.1")).isTrue();
    }

    private static RawHttp.Answer ask(String request) throws Exception {
        return RawHttp.exchange(local.api.baseUri(), request.getBytes(StandardCharsets.US_ASCII), 3_000, false).get(0);
    }
}
