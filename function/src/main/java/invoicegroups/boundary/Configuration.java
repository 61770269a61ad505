package invoicegroups.boundary;

import invoicegroups.table.EnvironmentVariables;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The function's settings, read once from environment variables (see the README's configuration table).
 *
 * @param tableName the DynamoDB table ({@code TABLE_NAME}, required)
 * @param region the AWS region ({@code AWS_REGION}, set by Lambda)
 * @param dynamoDbEndpoint an endpoint override for DynamoDB Local or LocalStack ({@code DYNAMODB_ENDPOINT}, unset in AWS)
 * @param apiCallTimeout the budget for one DynamoDB call, retries included ({@code DYNAMODB_API_CALL_TIMEOUT_MILLIS})
 * @param apiCallAttemptTimeout the budget for one attempt ({@code DYNAMODB_API_CALL_ATTEMPT_TIMEOUT_MILLIS})
 * @param functionName the metrics' {@code FunctionName} dimension ({@code AWS_LAMBDA_FUNCTION_NAME}, set by Lambda;
 *        {@value #FUNCTION_NAME_OUTSIDE_LAMBDA} elsewhere)
 * @param functionVersion the metrics' {@code ExecutedVersion} dimension ({@code AWS_LAMBDA_FUNCTION_VERSION}, set by
 *        Lambda: the published version, or {@value #UNPUBLISHED_VERSION})
 */
public record Configuration(
        String tableName,
        Region region,
        Optional<URI> dynamoDbEndpoint,
        Duration apiCallTimeout,
        Duration apiCallAttemptTimeout,
        String functionName,
        String functionVersion) {

    /** The metrics' function name where Lambda sets none (local runs, tests). */
    public static final String FUNCTION_NAME_OUTSIDE_LAMBDA = "outside-lambda";
    /** The version Lambda names for unpublished code, and the metrics' version where Lambda sets none. */
    public static final String UNPUBLISHED_VERSION = "$LATEST";

    // Well inside the stack's default function timeout (10 s), so a hung DynamoDB ends in a 5xx, not a Lambda timeout.
    static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofMillis(3000);
    static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofMillis(1000);

    public static Configuration fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the settings from a map of environment variables; fails fast, at initialisation, on a bad one. */
    public static Configuration from(Map<String, String> variables) {
        EnvironmentVariables environment = new EnvironmentVariables(variables);
        String tableName = environment.required(EnvironmentVariables.TABLE_NAME);
        Region region = Region.of(environment.required("AWS_REGION"));
        Optional<URI> endpoint = environment.optional(EnvironmentVariables.DYNAMODB_ENDPOINT).map(URI::create);
        Duration callTimeout = environment.millis("DYNAMODB_API_CALL_TIMEOUT_MILLIS", DEFAULT_API_CALL_TIMEOUT);
        Duration attemptTimeout =
                environment.millis("DYNAMODB_API_CALL_ATTEMPT_TIMEOUT_MILLIS", DEFAULT_API_CALL_ATTEMPT_TIMEOUT);
        String functionName = environment.optional("AWS_LAMBDA_FUNCTION_NAME").orElse(FUNCTION_NAME_OUTSIDE_LAMBDA);
        String functionVersion = environment.optional("AWS_LAMBDA_FUNCTION_VERSION").orElse(UNPUBLISHED_VERSION);
        return new Configuration(tableName, region, endpoint, callTimeout, attemptTimeout, functionName,
                functionVersion);
    }


}
