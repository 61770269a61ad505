package invoicegroups.infra;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Node;

/**
 * Every knob of the stack, read once from CDK context ({@code cdk.json} "context" or {@code cdk deploy -c key=value}),
 * with the defaults named here. README.md (Deploy, Configuration (CDK context)) lists the same keys.
 */
public record Settings(
        String stackName,
        boolean destroyable,
        int functionMemoryMb,
        int functionTimeoutSeconds,
        RetentionDays logRetention,
        int throttleRateLimit,
        int throttleBurstLimit,
        List<String> corsAllowedOrigins,
        Optional<String> alarmEmail,
        int serverErrorRateAlarmPercent,
        int latencyP99AlarmMillis,
        String tenantClaim,
        List<String> tenants,
        Optional<String> cognitoDomainPrefix,
        Optional<String> userPoolId,
        Optional<String> jwtIssuer,
        List<String> jwtAudience) {

    static final String DEFAULT_STACK_NAME = "InvoiceGroups";
    // Java on Lambda gets CPU in proportion to memory; 1 GB restores a SnapStart snapshot and serves a page briskly.
    static final int DEFAULT_FUNCTION_MEMORY_MB = 1024;
    // Comfortably above the function's own 3 s budget for the DynamoDB call, so a slow table ends in a clean 5xx.
    static final int DEFAULT_FUNCTION_TIMEOUT_SECONDS = 10;
    static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    // Per-stage limits well under the account's 10,000 rps: one tenant's runaway loop gets 429s, not the whole account.
    static final int DEFAULT_THROTTLE_RATE_LIMIT = 100;
    static final int DEFAULT_THROTTLE_BURST_LIMIT = 200;
    static final int DEFAULT_SERVER_ERROR_RATE_ALARM_PERCENT = 5;
    static final int DEFAULT_LATENCY_P99_ALARM_MILLIS = 1000;
    /** The claim the function reads the tenant from (its TENANT_CLAIM default, and what the local runner mimics). */
    static final String DEFAULT_TENANT_CLAIM = "tenant_id";
    static final List<String> DEFAULT_TENANTS = List.of("demo");

    /** Tenant ids become Cognito scope names and output names: letters, digits, '-', '_' and '.', at most 64. */
    static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static final Map<Integer, RetentionDays> RETENTION_BY_DAYS = retentionByDays();

    public static Settings from(Node node) {
        Context context = new Context(node);
        boolean externalIssuer = context.string("jwtIssuer").isPresent() || context.string("userPoolId").isPresent();
        Settings settings = new Settings(
                context.string("stackName").orElse(DEFAULT_STACK_NAME),
                context.bool("destroyable", false),
                context.integer("functionMemoryMb", DEFAULT_FUNCTION_MEMORY_MB),
                context.integer("functionTimeoutSeconds", DEFAULT_FUNCTION_TIMEOUT_SECONDS),
                retention(context.integer("logRetentionDays", DEFAULT_LOG_RETENTION_DAYS)),
                context.integer("throttleRateLimit", DEFAULT_THROTTLE_RATE_LIMIT),
                context.integer("throttleBurstLimit", DEFAULT_THROTTLE_BURST_LIMIT),
                context.list("corsAllowedOrigins").orElse(List.of()),
                context.string("alarmEmail"),
                context.integer("serverErrorRateAlarmPercent", DEFAULT_SERVER_ERROR_RATE_ALARM_PERCENT),
                context.integer("latencyP99AlarmMillis", DEFAULT_LATENCY_P99_ALARM_MILLIS),
                context.string("tenantClaim").orElse(DEFAULT_TENANT_CLAIM),
                context.list("tenants").orElse(externalIssuer ? List.of() : DEFAULT_TENANTS),
                context.string("cognitoDomainPrefix"),
                context.string("userPoolId"),
                context.string("jwtIssuer"),
                context.list("jwtAudience").orElse(List.of()));
        settings.validate();
        return settings;
    }

    /** True when this stack runs its own Cognito user pool; false when tokens come from an existing issuer. */
    public boolean ownsUserPool() {
        return userPoolId.isEmpty() && jwtIssuer.isEmpty();
    }

    private void validate() {
        require(functionMemoryMb >= 128 && functionMemoryMb <= 10240, "functionMemoryMb must be 128..10240");
        // Lambda's maximum is 900 s, but API Gateway gives up on an integration after 30 s.
        require(functionTimeoutSeconds >= 4 && functionTimeoutSeconds <= 29,
                "functionTimeoutSeconds must be 4..29: above the function's 3 s DynamoDB budget, below API Gateway's 30 s");
        require(throttleRateLimit > 0 && throttleBurstLimit > 0, "throttleRateLimit and throttleBurstLimit must be positive");
        require(serverErrorRateAlarmPercent > 0 && serverErrorRateAlarmPercent <= 100, "serverErrorRateAlarmPercent must be 1..100");
        require(latencyP99AlarmMillis > 0, "latencyP99AlarmMillis must be positive");
        require(userPoolId.isEmpty() || jwtIssuer.isEmpty(), "set userPoolId or jwtIssuer, not both");
        if (ownsUserPool()) {
            require(!tenants.isEmpty(), "tenants must name at least one tenant");
            require(tenants.size() <= TenantUserPool.MAX_TENANTS,
                    "at most " + TenantUserPool.MAX_TENANTS + " tenants per user pool (Cognito's scopes per resource server)");
            require(tenants.stream().distinct().count() == tenants.size(), "tenants must not repeat: " + tenants);
            require(jwtAudience.isEmpty(), "jwtAudience only applies with userPoolId or jwtIssuer");
        } else {
            require(!jwtAudience.isEmpty(), "jwtAudience (the accepted app client ids or audiences) is required with userPoolId or jwtIssuer");
            require(tenants.isEmpty(), "tenants are registered in this stack's own user pool only; leave them out with userPoolId or jwtIssuer");
            require(cognitoDomainPrefix.isEmpty(), "cognitoDomainPrefix only applies to this stack's own user pool");
        }
        tenants.forEach(tenant -> require(TENANT_ID.matcher(tenant).matches(),
                "tenant id '" + tenant + "' must match " + TENANT_ID.pattern()));
        require(tenants.stream().map(InvoiceGroupsStack::outputSuffix).distinct().count() == tenants.size(),
                "tenant ids must stay distinct without '-', '_' and '.' (they name stack outputs): " + tenants);
    }

    private static RetentionDays retention(int days) {
        RetentionDays retention = RETENTION_BY_DAYS.get(days);
        require(retention != null, "logRetentionDays must be one of " + RETENTION_BY_DAYS.keySet());
        return retention;
    }

    private static Map<Integer, RetentionDays> retentionByDays() {
        Map<Integer, RetentionDays> byDays = new LinkedHashMap<>();
        byDays.put(1, RetentionDays.ONE_DAY);
        byDays.put(3, RetentionDays.THREE_DAYS);
        byDays.put(5, RetentionDays.FIVE_DAYS);
        byDays.put(7, RetentionDays.ONE_WEEK);
        byDays.put(14, RetentionDays.TWO_WEEKS);
        byDays.put(30, RetentionDays.ONE_MONTH);
        byDays.put(60, RetentionDays.TWO_MONTHS);
        byDays.put(90, RetentionDays.THREE_MONTHS);
        byDays.put(180, RetentionDays.SIX_MONTHS);
        byDays.put(365, RetentionDays.ONE_YEAR);
        byDays.put(731, RetentionDays.TWO_YEARS);
        byDays.put(1827, RetentionDays.FIVE_YEARS);
        byDays.put(3653, RetentionDays.TEN_YEARS);
        return Map.copyOf(byDays);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid context: " + message);
        }
    }

    /** Context values arrive typed from cdk.json and as strings from {@code -c key=value}; both are accepted. */
    private record Context(Node node) {

        Optional<String> string(String key) {
            return Optional.ofNullable(node.tryGetContext(key)).map(String::valueOf).map(String::strip)
                    .filter(value -> !value.isEmpty());
        }

        int integer(String key, int fallback) {
            return string(key).map(value -> {
                try {
                    double number = Double.parseDouble(value); // cdk.json numbers may arrive as 10.0
                    if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                        return (int) number;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new IllegalArgumentException("invalid context: " + key + " must be a whole number, got " + value);
            }).orElse(fallback);
        }

        boolean bool(String key, boolean fallback) {
            return string(key).map(value -> switch (value.toLowerCase()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("invalid context: " + key + " must be true or false");
            }).orElse(fallback);
        }

        /** A JSON array in cdk.json, or a comma-separated string on the command line. */
        Optional<List<String>> list(String key) {
            Object value = node.tryGetContext(key);
            if (value == null) {
                return Optional.empty();
            }
            List<?> items = value instanceof List<?> list ? list : Arrays.asList(String.valueOf(value).split(","));
            return Optional.of(items.stream().map(String::valueOf).map(String::strip).filter(item -> !item.isEmpty()).toList());
        }
    }
}
