package invoicegroups.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import invoicegroups.table.Plan;
import invoicegroups.table.Plans;
import java.util.Map;

/**
 * The {@code plans} context setting, in the format {@link Plans} reads (the local runner's {@code --plans} too). In
 * cdk.json it is an object; with {@code -c plans=...} a string holding one. Each plan becomes an API Gateway usage
 * plan, so its limits are checked against what API Gateway takes.
 */
final class PlansSetting {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlansSetting() {
    }

    /** The plans by name (sorted, so every synth writes them in the same order). */
    static Map<String, Plan> parse(Object value) {
        Object tree = tree(value);
        try {
            return Plans.parse(tree);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** The setting as Java's untyped JSON tree: a string is parsed, an object from cdk.json is taken as it is. */
    private static Object tree(Object value) {
        if (value instanceof String text) {
            try {
                return JSON.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                // Never the parser's message: it quotes the input.
                String where = e.getLocation() == null ? ""
                        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
                throw invalid("not valid JSON" + where);
            }
        }
        return JSON.convertValue(value, Object.class);
    }

    private static InvalidSettingException invalid(String message) {
        return new InvalidSettingException("invalid context: plans: " + message);
    }
}
