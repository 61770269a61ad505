package invoicegroups.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver's JDK-only event reader gives the handlers the event the sample file holds. */
class RestApiEventsTest {

    @Test
    void readsTheSampleEventAsTheRuntimeHandsItOver() throws Exception {
        APIGatewayProxyRequestEvent event = RestApiEvents.read(Path.of("..", "..", "events", "first-page.json"));

        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("pageSize", "2"));
        assertThat(event.getMultiValueQueryStringParameters()).isEqualTo(Map.of("pageSize", List.of("2")));
        assertThat(event.getRequestContext().getAuthorizer())
                .containsEntry("tenantId", "acme").containsEntry("plan", "standard");
        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getRequestContext().getResourcePath()).isEqualTo("/invoice_groups");
        assertThat(event.getRequestContext().getRequestTimeEpoch()).isEqualTo(1795541400000L);
    }

    @Test
    void readsEscapesNumbersAndLiterals() {
        Object json = MiniJson.parse("{\"a\":\"x\\\"\\u00e9\",\"b\":[1,2.5,true,false,null],\"c\":{}}");

        assertThat(json).isEqualTo(Map.of("a", "x\"é", "b", java.util.Arrays.asList(1L, 2.5, true, false, null),
                "c", Map.of()));
    }
}
