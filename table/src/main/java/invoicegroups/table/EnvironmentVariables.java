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

    /** The list function's invoice groups table (the stack sets it; so does the runner). */
    public static final String TABLE_NAME = "TABLE_NAME";
    /** The token trigger's and the authorizer's tenant registry table. */
    public static final String TENANT_REGISTRY_TABLE = "TENANT_REGISTRY_TABLE";
    /** The claim the token trigger writes and the authorizer reads ({@link TenantClaim#DEFAULT_NAME} when unset). */
    public static final String TENANT_CLAIM = "TENANT_CLAIM";
    /** The authorizer's token issuer: the user pool's URL, whose JWKS signs the tokens. */
    public static final String JWT_ISSUER = "JWT_ISSUER";
    /** A DynamoDB endpoint other than the Region's (DynamoDB Local: the runner, the tests, the benchmark). */
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";

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
