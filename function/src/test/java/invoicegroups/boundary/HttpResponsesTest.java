package invoicegroups.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.control.ClientFailure;
import invoicegroups.control.InvalidRequestException;
import invoicegroups.control.NextTokenCodec;
import invoicegroups.table.FunctionMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonFactory;

/** The one mapper from failures to responses: a caller's failure carries its status and fixed message. */
class HttpResponsesTest {

    private final JsonFactory json = StrictJson.factory();
    private final List<String> metricLines = new ArrayList<>();
    private final HttpResponses responses = new HttpResponses(new ResponseBodies(json, new NextTokenCodec(json)),
            new EmbeddedMetrics(json, "fn", "1", Clock.systemUTC(), metricLines::add));

    @Test
    void eachClientFailureAnswersItsOwnStatusAndMessage() {
        assertResponse(responses.failure(new InvalidRequestException("sortOrder must be asc or desc"), null),
                400, "{\"message\":\"sortOrder must be asc or desc\"}");
        assertResponse(responses.failure(new ClientFailure.Unauthenticated(), null),
                401, "{\"message\":\"Unauthorized\"}");
        assertResponse(responses.failure(new ClientFailure.Forbidden(), null), 403, "{\"message\":\"Forbidden\"}");
        assertThat(metricLines).as("a 4xx is not a server error").isEmpty();
    }

    @Test
    void anUnexpectedFailureIsA500WithoutItsDetails() {
        APIGatewayProxyResponseEvent response = responses.failure(new IllegalStateException("table secret-name"), null);

        assertResponse(response, 500, "{\"message\":\"Internal Server Error\"}");
        assertThat(metricLines).singleElement().satisfies(line -> assertThat(line)
                .contains("\"Name\":\"" + FunctionMetrics.SERVER_ERROR_RESPONSES + "\"")
                .endsWith("\"" + FunctionMetrics.SERVER_ERROR_RESPONSES + "\":1}"));
    }

    private static void assertResponse(APIGatewayProxyResponseEvent response, int status, String body) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getBody()).isEqualTo(body);
        assertThat(response.getHeaders()).isEqualTo(Map.of("Content-Type", "application/json"));
        assertThat(response.getIsBase64Encoded()).isFalse();
    }
}
