package invoicegroups.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.entity.LeftOutItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeftOutItemLogTest {

    @Test
    void eachLeftOutItemIsOneLogLineAndOneMetricLine() {
        List<String> lines = new ArrayList<>();
        var json = StrictJson.factory();
        LeftOutItemLog log = new LeftOutItemLog(json,
                new EmbeddedMetrics(json, "fn", "1", Clock.systemUTC(), lines::add), lines::add);

        log.report("req-1", "acme", List.of(new LeftOutItem("ig_2", "createdAt", "unparseable"),
                new LeftOutItem("ig_5", "billingAddress.city", "wrong-type")));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("{\"level\":\"WARN\",\"message\":\"" + LeftOutItemLog.MESSAGE
                + "\",\"requestId\":\"req-1\",\"tenantId\":\"acme\",\"itemId\":\"ig_2\",\"attribute\":\"createdAt\","
                + "\"rule\":\"unparseable\"}");
        assertThat(lines.get(1)).startsWith("{\"_aws\"").endsWith("\"InvalidStoredItems\":1}");
        assertThat(lines.get(2)).contains("\"itemId\":\"ig_5\"", "\"attribute\":\"billingAddress.city\"");
    }

    @Test
    void nothingLeftOutWritesNothing() {
        List<String> lines = new ArrayList<>();
        var json = StrictJson.factory();
        new LeftOutItemLog(json, new EmbeddedMetrics(json, "fn", "1", Clock.systemUTC(), lines::add), lines::add)
                .report("req-1", "acme", List.of());

        assertThat(lines).isEmpty();
    }
}
