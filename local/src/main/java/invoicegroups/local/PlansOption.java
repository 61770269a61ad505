package invoicegroups.local;

import invoicegroups.table.Plan;
import invoicegroups.table.Plans;
import java.util.Map;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --plans JSON}: the runner's usage plans, in the format of the stack's {@code plans} context setting, read
 * by {@link Plans}, so a configuration that works here deploys. A problem is one line naming the plan and the
 * field, never the value.
 */
final class PlansOption {

    static final String OPTION = "--plans";
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private PlansOption() {
    }

    /** The plans by name (a type of its own: picocli would read a {@code Map} option as {@code key=value} pairs). */
    record Configured(Map<String, Plan> byName) {
        Configured {
            byName = Map.copyOf(byName);
        }
    }

    /** The plans by name, sorted (as GetUsagePlans lists them). */
    static Map<String, Plan> parse(String text) {
        Object plans;
        try {
            plans = JSON.readValue(text, Object.class);
        } catch (JacksonException e) {
            // Never the parser's message: it quotes the input.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw refused("not valid JSON" + where);
        }
        try {
            return Plans.parse(plans);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
    }

    private static TypeConversionException refused(String message) {
        return new TypeConversionException(OPTION + ": " + message);
    }
}
