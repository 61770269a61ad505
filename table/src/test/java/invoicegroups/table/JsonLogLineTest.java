package invoicegroups.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The functions' log lines: one JSON object on one line, whatever the values hold. */
class JsonLogLineTest {

    @Test
    void theMessageComesFirstThenTheFieldsInOrder() {
        assertThat(JsonLogLine.message("token request").field("clientId", "client-acme").field("tenantId", "acme"))
                .hasToString("{\"message\":\"token request\",\"clientId\":\"client-acme\",\"tenantId\":\"acme\"}");
    }

    @Test
    void aNullValueIsJsonNull() {
        assertThat(JsonLogLine.message("authorizer decision").field("tenantId", null))
                .hasToString("{\"message\":\"authorizer decision\",\"tenantId\":null}");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscapedSoTheLineStaysOneLine() {
        String line = JsonLogLine.message("m").field("reason", "a\"b\\c\nd\re\tf\u0001g").toString();

        assertThat(line).isEqualTo("{\"message\":\"m\",\"reason\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\"}");
        assertThat(line.lines()).hasSize(1);
    }
}
