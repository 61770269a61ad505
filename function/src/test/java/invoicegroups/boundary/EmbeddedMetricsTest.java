package invoicegroups.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.table.FunctionMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedMetricsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void aCountIsOneEmbeddedMetricFormatLineWithTheNamespaceDimensionAndUnit() {
        List<String> lines = new ArrayList<>();
        EmbeddedMetrics metrics =
                new EmbeddedMetrics(StrictJson.factory(), "InvoiceGroups-List", "7", CLOCK, lines::add);

        metrics.countOne(FunctionMetrics.INVALID_STORED_ITEMS);

        assertThat(lines).containsExactly("{\"_aws\":{\"Timestamp\":1795550400000,\"CloudWatchMetrics\":[{"
                + "\"Namespace\":\"InvoiceGroups\",\"Dimensions\":[[\"FunctionName\"],[\"FunctionName\",\"ExecutedVersion\"]],"
                + "\"Metrics\":[{\"Name\":\"InvalidStoredItems\",\"Unit\":\"Count\"}]}]},"
                + "\"FunctionName\":\"InvoiceGroups-List\",\"ExecutedVersion\":\"7\",\"InvalidStoredItems\":1}");
    }

    @Test
    void theFunctionNameIsWrittenAsAJsonString() {
        EmbeddedMetrics metrics =
                new EmbeddedMetrics(StrictJson.factory(), "a\"b", "1", CLOCK, line -> { });

        assertThat(metrics.line(FunctionMetrics.SERVER_ERROR_RESPONSES, 1))
                .contains("\"FunctionName\":\"a\\\"b\",\"ExecutedVersion\":\"1\",\"ServerErrorResponses\":1}")
                .doesNotContain("\n");
    }
}
