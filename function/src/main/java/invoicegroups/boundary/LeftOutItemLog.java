package invoicegroups.boundary;

import invoicegroups.entity.LeftOutItem;
import invoicegroups.table.FunctionMetrics;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Tells operators about each stored item a listing left out: one structured JSON log line (request id, tenant,
 * item id, attribute, rule; never the attribute's value, which may be personal data) and one
 * {@link FunctionMetrics#INVALID_STORED_ITEMS} metric line. The caller's response never mentions it.
 */
final class LeftOutItemLog {

    static final String MESSAGE = "stored item left out of a listing: it breaks the item contract";

    private final JsonFactory json;
    private final EmbeddedMetrics metrics;
    private final Consumer<String> out;

    LeftOutItemLog(JsonFactory json, EmbeddedMetrics metrics, Consumer<String> out) {
        this.json = json;
        this.metrics = metrics;
        this.out = out;
    }

    /** To standard output, as {@link EmbeddedMetrics#toStandardOutput}: one JSON object a line. */
    static LeftOutItemLog toStandardOutput(JsonFactory json, EmbeddedMetrics metrics) {
        return new LeftOutItemLog(json, metrics, line -> System.out.println(line));
    }

    void report(String requestId, String tenantId, List<LeftOutItem> items) {
        for (LeftOutItem item : items) {
            out.accept(line(requestId, tenantId, item));
            metrics.countOne(FunctionMetrics.INVALID_STORED_ITEMS);
        }
    }

    String line(String requestId, String tenantId, LeftOutItem item) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), line)) {
            generator.writeStartObject();
            generator.writeStringProperty("level", "WARN");
            generator.writeStringProperty("message", MESSAGE);
            generator.writeStringProperty("requestId", requestId);
            generator.writeStringProperty("tenantId", tenantId);
            generator.writeStringProperty("itemId", item.id());
            generator.writeStringProperty("attribute", item.attribute());
            generator.writeStringProperty("rule", item.rule());
            generator.writeEndObject();
        }
        return line.toString();
    }
}
