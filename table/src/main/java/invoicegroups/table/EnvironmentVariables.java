package invoicegroups.table;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the three Lambda functions (list, token trigger, authorizer) read their settings: once, at initialisation,
 * from environment variables, failing fast with one line naming the variable. Blank counts as unset. The one helper
 * the functions' configuration records share.
 */
public record EnvironmentVariables(Map<String, String> values) {

    public static EnvironmentVariables ofProcess() {
        return new EnvironmentVariables(System.getenv());
    }

    /** The variable's value, stripped; empty when unset or blank. */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** @throws IllegalStateException naming the variable when it is unset or blank */
    public String required(String name) {
        return optional(name)
                .orElseThrow(() -> new IllegalStateException("environment variable " + name + " is required"));
    }

    /** A positive number of milliseconds, or {@code fallback} when unset. */
    public Duration millis(String name, Duration fallback) {
        return optional(name).map(value -> {
            try {
                long millis = Long.parseLong(value);
                if (millis > 0) {
                    return Duration.ofMillis(millis);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalStateException("environment variable " + name + " must be a positive number of milliseconds");
        }).orElse(fallback);
    }
}
