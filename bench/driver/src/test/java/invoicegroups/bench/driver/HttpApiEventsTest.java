package invoicegroups.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver's JDK-only event reader gives the handlers the event the sample file holds. */
class HttpApiEventsTest {

    @Test
    void readsTheSampleEventAsTheRuntimeHandsItOver() throws Exception {
        APIGatewayV2HTTPEvent event = HttpApiEvents.read(Path.of("..", "..", "events", "first-page.json"));

        assertThat(event.getRawQueryString()).isEqualTo("pageSize=2");
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("pageSize", "2"));
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims()).containsEntry("tenant_id", "acme");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getScopes()).isEqualTo(List.of("invoice-groups/read"));
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(1795541400000L);
    }

    @Test
    void readsEscapesNumbersAndLiterals() {
        Object json = MiniJson.parse("{\"a\":\"x\\\"\\u00e9\",\"b\":[1,2.5,true,false,null],\"c\":{}}");

        assertThat(json).isEqualTo(Map.of("a", "x\"é", "b", java.util.Arrays.asList(1L, 2.5, true, false, null),
                "c", Map.of()));
    }
}
