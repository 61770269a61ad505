package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.support.OpenApiContract;
import invoicegroups.support.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract is strict: what it accepts is exactly the documented shape, so validating responses means something. */
class OpenApiDocumentTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String GROUP = "{\"id\":\"ig_1\",\"name\":\"Invoice Group 1\",\"email\":\"acme@acme.com\","
            + "\"dailyInvoiceConsolidation\":true,\"netTermDays\":45,\"invoiceCurrency\":\"USD\","
            + "\"billingAddress\":{\"line1\":\"2281 Broadway Street\",\"country\":\"US\"},\"accountsCount\":2,"
            + "\"createdAt\":\"2023-07-26T12:36:56.58015Z\",\"updatedAt\":\"2023-07-26T12:36:56.58015Z\"}";

    @Test
    void acceptsTheDocumentedShape() {
        assertThat(errors(200, "{\"data\":[" + GROUP + "],\"nextToken\":\"abc\"}")).isEmpty();
        assertThat(errors(200, "{\"data\":[]}")).isEmpty();
        assertThat(errors(400, "{\"message\":\"pageSize must be an integer from 1 to 100\"}")).isEmpty();
    }

    @Test
    void rejectsThePropertyTheSeedExampleShowsButItsSchemaForbids() {
        assertThat(errors(200, "{\"data\":[" + GROUP.replace("\"accountsCount\"", "\"gracePeriod\":3,\"accountsCount\"") + "]}"))
                .isNotEmpty();
    }

    @Test
    void rejectsNullsMissingRequiredPropertiesAndBadValues() {
        assertThat(errors(200, "{\"data\":[" + GROUP.replace("\"netTermDays\":45", "\"netTermDays\":null") + "]}")).isNotEmpty();
        assertThat(errors(200, "{\"data\":[" + GROUP.replace("\"accountsCount\":2,", "") + "]}")).isNotEmpty();
        assertThat(errors(200, "{\"data\":[" + GROUP.replace("\"accountsCount\":2", "\"accountsCount\":-1") + "]}")).isNotEmpty();
        assertThat(errors(200, "{\"data\":[" + GROUP.replace("\"country\":\"US\"", "\"country\":\"US\",\"zip\":\"1\"") + "]}"))
                .isNotEmpty();
        assertThat(errors(200, "{\"data\":[" + GROUP.replace("2023-07-26T12:36:56.58015Z", "yesterday") + "]}")).isNotEmpty();
        assertThat(errors(200, "{\"nextToken\":\"abc\"}")).isNotEmpty();
    }

    @Test
    void rejectsErrorBodiesOtherThanABoundedMessage() {
        assertThat(errors(400, "{\"message\":\"" + "x".repeat(501) + "\"}")).isNotEmpty();
        assertThat(errors(400, "{\"message\":\"bad\",\"detail\":\"stack trace\"}")).isNotEmpty();
        assertThat(errors(500, "{}")).isNotEmpty();
    }

    private static java.util.List<?> errors(int status, String body) {
        return OpenApiContract.validate(new Response(status, JSON, body)).getMessages();
    }
}
