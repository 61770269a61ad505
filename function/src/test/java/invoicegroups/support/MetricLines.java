package invoicegroups.support;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.table.FunctionMetrics;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads embedded-metric-format lines the way CloudWatch Logs does: a JSON object with an {@code _aws} directive. */
public final class MetricLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MetricLines() {
    }

    /** The lines among {@code lines} that count {@code metric}, each checked against the EMF specification's shape. */
    public static List<JsonNode> counting(List<String> lines, String metric) {
        return lines.stream()
                .filter(line -> line.startsWith("{\"_aws\""))
                .map(JSON::readTree)
                .filter(line -> line.has(metric))
                .peek(MetricLines::assertWellFormed)
                .toList();
    }

    private static void assertWellFormed(JsonNode line) {
        JsonNode aws = line.get("_aws");
        assertThat(aws.get("Timestamp").isIntegralNumber()).as("Timestamp in epoch millis").isTrue();
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asString()).isEqualTo(FunctionMetrics.NAMESPACE);
        assertThat(directive.get("Dimensions").toString()).as("the function's and its version's metric")
                .isEqualTo("[[\"" + FunctionMetrics.FUNCTION_NAME_DIMENSION + "\"],[\""
                        + FunctionMetrics.FUNCTION_NAME_DIMENSION + "\",\"" + FunctionMetrics.EXECUTED_VERSION_DIMENSION
                        + "\"]]");
        String metric = directive.get("Metrics").get(0).get("Name").asString();
        assertThat(directive.get("Metrics").get(0).get("Unit").asString()).isEqualTo("Count");
        assertThat(line.get(FunctionMetrics.FUNCTION_NAME_DIMENSION).isString()).as("the dimension's value").isTrue();
        assertThat(line.get(FunctionMetrics.EXECUTED_VERSION_DIMENSION).isString()).as("the version's value").isTrue();
        assertThat(line.get(metric).asInt()).as("the metric's value").isEqualTo(1);
    }
}
