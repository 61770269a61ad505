package invoicegroups.infra;

import invoicegroups.table.AccessTokens;
import invoicegroups.table.Plan;
import invoicegroups.table.TenantClaim;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Node;

/**
 * Every knob of the stack, read once from CDK context ({@code cdk.json} "context" or {@code cdk deploy -c key=value}),
 * with the defaults named here and every value checked at synth: a bad value fails {@code cdk synth} with one line
 * naming the key, never the deploy. README.md (Deploy, Configuration (CDK context)) lists the same keys.
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
        Optional<String> cognitoDomainPrefix,
        int accessTokenValidityMinutes,
        boolean snapStart,
        DeploymentStrategy deploymentStrategy,
        boolean apiGatewayCloudWatchRole,
        Map<String, Plan> plans,
        String defaultPlan,
        int revocationSeconds,
        int tokenRequestStormThreshold,
        ReservedConcurrency reservedConcurrency) {

    static final String DEFAULT_STACK_NAME = "InvoiceGroups";
    // Java on Lambda gets CPU in proportion to memory; 1 GB restores a SnapStart snapshot and serves a page briskly.
    static final int DEFAULT_FUNCTION_MEMORY_MB = 1024;
    // Comfortably above the function's own 3 s budget for the DynamoDB call, so a slow table ends in a clean 5xx.
    static final int DEFAULT_FUNCTION_TIMEOUT_SECONDS = 10;
    static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /**
     * The stage's method throttling, the cap on all tenants together (each tenant is limited first, by its plan's usage
     * plan). 20 times the largest default plan (premium, 50 rps / 100 burst), so one tenant flooding at its limit takes
     * at most 5% of it; under the smallest default account quota of any supported region (2,500 rps, burst 1,250:
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html), so it bites before the account's,
     * which every API of the account shares. README, "Configuration (CDK context)".
     */
    static final int DEFAULT_THROTTLE_RATE_LIMIT = 1000;
    static final int DEFAULT_THROTTLE_BURST_LIMIT = 1000;
    /** API Gateway's default account burst (limits.html above); a stage burst above it is never reached. */
    static final int MAX_THROTTLE_BURST_LIMIT = 5000;
    /**
     * Token requests by one app client in {@link OperationalAlarms#PERIOD} (5 minutes) that fire TokenRequestStorm
     * (twice in a row): a client that caches its token asks once per lifetime per process; 50 in 5 minutes is a token
     * every 6 s, a client fetching one per call. README, "Token economics".
     */
    static final int DEFAULT_TOKEN_REQUEST_STORM_THRESHOLD = 50;
    /**
     * Reserved concurrency, so that API load cannot starve the token trigger or the authorizer (README, "Configuration
     * (CDK context)"). 0 reserves nothing (it never means Lambda's 0, which would stop the function).
     */
    static final int DEFAULT_LIST_FUNCTION_RESERVED_CONCURRENCY = 0;
    static final int DEFAULT_TOKEN_TRIGGER_RESERVED_CONCURRENCY = 20;
    static final int DEFAULT_AUTHORIZER_RESERVED_CONCURRENCY = 50;
    /**
     * Lambda's default concurrency per account and Region; reservations must leave 100 unreserved
     * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html,
     * https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
     */
    static final int DEFAULT_LAMBDA_CONCURRENCY_LIMIT = 1000;
    static final int MIN_UNRESERVED_CONCURRENCY = 100;
    static final int DEFAULT_SERVER_ERROR_RATE_ALARM_PERCENT = 5;
    static final int DEFAULT_LATENCY_P99_ALARM_MILLIS = 1000;
    /** Lifetime of the access tokens of the app clients the {@code tenants} command creates: chosen for cost. */
    static final int DEFAULT_ACCESS_TOKEN_VALIDITY_MINUTES = AccessTokens.DEFAULT_VALIDITY_MINUTES;

    /** CloudFormation stack names: a letter, then letters, digits and hyphens, at most 128 characters. */
    static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");
    /**
     * Cognito prefix domains: CreateUserPoolDomain's pattern and 63 characters
     * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html),
     * and none of the words Cognito reserves in a prefix (CreateUserPoolDomain answers "Domain cannot contain reserved
     * word: aws", https://github.com/aws-solutions/content-analysis-on-aws/issues/8; "cognito",
     * https://github.com/aws-amplify/amplify-cli/issues/3854; "amazon", https://github.com/amazon-connect/voicemail-for-amazon-connect/issues/3).
     */
    static final Pattern DOMAIN_PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    static final List<String> DOMAIN_PREFIX_RESERVED_WORDS = List.of("aws", "amazon", "cognito");
    /** The account id the default domain prefix ends with: always 12 digits. */
    static final int ACCOUNT_ID_LENGTH = 12;
    static final int MAX_DOMAIN_PREFIX_LENGTH = 63;
    /** A claim name the trigger writes and the authorizer reads: lower-case letters, digits and underscores. */
    static final Pattern TENANT_CLAIM = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Claims Cognito sets itself in access tokens: the trigger may not take them over. */
    static final Set<String> COGNITO_ACCESS_TOKEN_CLAIMS = Set.of("sub", "iss", "client_id", "origin_jti", "event_id",
            "token_use", "scope", "auth_time", "exp", "iat", "jti", "username", "version", "aud", "nbf");
    static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Keys earlier versions of the stack read: each now fails synth with why it went away. */
    static final Map<String, String> REMOVED_KEYS = Map.of(
            "tenants", "tenants are onboarded at run time with the tenants command, not in cdk.json (see README)",
            "jwtIssuer", "the REST API's Cognito authorizer trusts only this stack's user pool (see README)",
            "jwtAudience", "the REST API's Cognito authorizer accepts every app client of this stack's user pool (see README)",
            "userPoolId", "the tenant claim needs this stack's own user pool, trigger and registry (see README)");

    static final Map<Integer, RetentionDays> RETENTION_BY_DAYS = retentionByDays();

    /**
     * Reserved concurrency of the three functions (0: none) and the account's Lambda concurrency limit in the Region,
     * which the reservations must leave at least {@value #MIN_UNRESERVED_CONCURRENCY} of.
     */
    public record ReservedConcurrency(int listFunction, int tokenTrigger, int authorizer, int accountLimit) {

        int total() {
            return listFunction + tokenTrigger + authorizer;
        }
    }

    /** How a new version of the list function reaches the {@code live} alias. */
    public enum DeploymentStrategy {
        /** CodeDeploy shifts 10% of traffic for 5 minutes, then the rest; any alarm rolls back. */
        CANARY("canary"),
        /** The alias moves at once (dev stacks). */
        ALL_AT_ONCE("all-at-once");

        final String key;

        DeploymentStrategy(String key) {
            this.key = key;
        }
    }

    public static Settings from(Node node) {
        Context context = new Context(node);
        REMOVED_KEYS.forEach((key, why) -> require(node.tryGetContext(key) == null, key + " is no longer a setting: " + why));
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
                context.string("tenantClaim").orElse(TenantClaim.DEFAULT_NAME),
                context.string("cognitoDomainPrefix"),
                context.integer("accessTokenValidityMinutes", DEFAULT_ACCESS_TOKEN_VALIDITY_MINUTES),
                context.bool("snapStart", true),
                deploymentStrategy(context.string("deploymentStrategy").orElse(DeploymentStrategy.CANARY.key)),
                context.bool("apiGatewayCloudWatchRole", true),
                node.tryGetContext("plans") == null ? new java.util.TreeMap<>(Plan.DEFAULTS)
                        : PlansSetting.parse(node.tryGetContext("plans")),
                context.string("defaultPlan").orElse(Plan.DEFAULT_PLAN),
                context.integer("revocationSeconds", AccessTokens.DEFAULT_REVOCATION_SECONDS),
                context.integer("tokenRequestStormThreshold", DEFAULT_TOKEN_REQUEST_STORM_THRESHOLD),
                new ReservedConcurrency(
                        context.integer("listFunctionReservedConcurrency", DEFAULT_LIST_FUNCTION_RESERVED_CONCURRENCY),
                        context.integer("tokenTriggerReservedConcurrency", DEFAULT_TOKEN_TRIGGER_RESERVED_CONCURRENCY),
                        context.integer("authorizerReservedConcurrency", DEFAULT_AUTHORIZER_RESERVED_CONCURRENCY),
                        context.integer("lambdaConcurrencyLimit", DEFAULT_LAMBDA_CONCURRENCY_LIMIT)));
        settings.validate();
        return settings;
    }

    /** Deletion protection on the tables and the user pool: on, unless the stack is a destroyable dev stack. */
    boolean deletionProtection() {
        return !destroyable;
    }

    /**
     * For the resources with deletion protection (tables, user pool): Retain, on delete and replacement and also when
     * the operation that created them rolls back. Under RetainExceptOnCreate CloudFormation deletes a resource when the
     * operation that created it rolls back, but DynamoDB refuses DeleteTable on a protected table and Cognito
     * DeleteUserPool on a protected pool, so a failed first deploy would end in ROLLBACK_FAILED; Retain leaves them,
     * empty and unused, and the rollback completes (README: Tear down). {@code destroyable} stacks delete everything.
     */
    RemovalPolicy protectedRemovalPolicy() {
        return destroyable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    }

    /**
     * For stateful resources without deletion protection (log groups, the alarm topic's key): retained on delete and
     * replacement, but deleted when the operation that created them rolls back (CloudFormation's
     * RetainExceptOnCreate), so a failed first deploy leaves none of them behind; {@code destroyable} stacks delete
     * everything.
     */
    RemovalPolicy removalPolicy() {
        return destroyable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;
    }

    private void validate() {
        require(STACK_NAME.matcher(stackName).matches(),
                "stackName must start with a letter and hold only letters, digits and '-' (at most 128)");
        require(stackName.length() <= CallerInsights.MAX_STACK_NAME_LENGTH, "stackName must be at most "
                + CallerInsights.MAX_STACK_NAME_LENGTH + " characters: it prefixes the Contributor Insights rule names (at most "
                + CallerInsights.MAX_RULE_NAME_LENGTH + ")");
        require(functionMemoryMb >= 128 && functionMemoryMb <= 10240, "functionMemoryMb must be 128..10240");
        // Lambda's maximum is 900 s, but API Gateway gives up on an integration after 29 s.
        require(functionTimeoutSeconds >= 4 && functionTimeoutSeconds <= 29,
                "functionTimeoutSeconds must be 4..29: above the function's 3 s DynamoDB budget, below API Gateway's 29 s");
        require(throttleRateLimit > 0, "throttleRateLimit must be positive");
        require(throttleBurstLimit > 0, "throttleBurstLimit must be positive");
        require(throttleBurstLimit <= MAX_THROTTLE_BURST_LIMIT,
                "throttleBurstLimit must be at most " + MAX_THROTTLE_BURST_LIMIT + " (API Gateway's account burst quota)");
        require(plans.containsKey(defaultPlan), "defaultPlan must be one of the plans (" + String.join(", ", plans.keySet()) + ")");
        Plan largest = plans.values().stream().max(java.util.Comparator.comparingDouble(Plan::rateLimit)).orElseThrow();
        int largestBurst = plans.values().stream().mapToInt(Plan::burstLimit).max().orElseThrow();
        // The stage's limit is the cap over all tenants: one tenant within its plan must never reach it alone.
        require(throttleRateLimit > largest.rateLimit(), "throttleRateLimit must be above the largest plan's rateLimit ("
                + largest.name() + ", " + largest.rateLimit() + "): it caps all tenants together");
        require(throttleBurstLimit > largestBurst, "throttleBurstLimit must be above the largest plan's burstLimit ("
                + largestBurst + "): it caps all tenants together");
        require(revocationSeconds >= 0 && revocationSeconds <= AccessTokens.MAX_REVOCATION_SECONDS,
                "revocationSeconds must be 0.." + AccessTokens.MAX_REVOCATION_SECONDS
                        + " (API Gateway's authorizer result cache; 0 turns it off)");
        require(tokenRequestStormThreshold >= 1, "tokenRequestStormThreshold must be at least 1");
        requireReservations();
        require(serverErrorRateAlarmPercent > 0 && serverErrorRateAlarmPercent <= 100, "serverErrorRateAlarmPercent must be 1..100");
        require(latencyP99AlarmMillis > 0 && latencyP99AlarmMillis <= 29_000,
                "latencyP99AlarmMillis must be 1..29000 (API Gateway ends every request by 29 s)");
        corsAllowedOrigins.forEach(origin -> require("*".equals(origin) || ORIGIN.matcher(origin).matches(),
                "corsAllowedOrigins entries must be * or scheme://host[:port] without a path"));
        alarmEmail.ifPresent(email -> require(EMAIL.matcher(email).matches() && email.length() <= 254,
                "alarmEmail must be one e-mail address"));
        require(TENANT_CLAIM.matcher(tenantClaim).matches(),
                "tenantClaim must be 1..64 lower-case letters, digits or '_', starting with a letter");
        require(!COGNITO_ACCESS_TOKEN_CLAIMS.contains(tenantClaim),
                "tenantClaim must not be a claim Cognito sets itself (" + String.join(", ", COGNITO_ACCESS_TOKEN_CLAIMS.stream().sorted().toList()) + ")");
        require(accessTokenValidityMinutes >= AccessTokens.MIN_VALIDITY_MINUTES
                        && accessTokenValidityMinutes <= AccessTokens.MAX_VALIDITY_MINUTES,
                "accessTokenValidityMinutes must be " + AccessTokens.MIN_VALIDITY_MINUTES + ".."
                        + AccessTokens.MAX_VALIDITY_MINUTES + " (Cognito: five minutes to one day)");
        cognitoDomainPrefix.ifPresentOrElse(
                prefix -> requireDomainPrefix(prefix, "cognitoDomainPrefix", ""),
                () -> requireDomainPrefix(stackName.toLowerCase() + "-" + "0".repeat(ACCOUNT_ID_LENGTH), "stackName",
                        " (the default prefix is the stack name lower-cased, '-' and the 12-digit account id;"
                                + " set cognitoDomainPrefix or choose another stack name)"));
    }

    /** Lambda refuses a reservation that leaves fewer than 100 of the account's concurrency unreserved. */
    private void requireReservations() {
        ReservedConcurrency reserved = reservedConcurrency;
        require(reserved.listFunction() >= 0, "listFunctionReservedConcurrency must be 0 (none) or more");
        require(reserved.tokenTrigger() >= 0, "tokenTriggerReservedConcurrency must be 0 (none) or more");
        require(reserved.authorizer() >= 0, "authorizerReservedConcurrency must be 0 (none) or more");
        require(reserved.accountLimit() >= 1, "lambdaConcurrencyLimit must be at least 1");
        int reservable = Math.max(0, reserved.accountLimit() - MIN_UNRESERVED_CONCURRENCY);
        require(reserved.total() <= reservable, "listFunctionReservedConcurrency, tokenTriggerReservedConcurrency and"
                + " authorizerReservedConcurrency reserve " + reserved.total() + " but lambdaConcurrencyLimit "
                + reserved.accountLimit() + " leaves " + reservable + " to reserve (Lambda keeps "
                + MIN_UNRESERVED_CONCURRENCY + " unreserved): lower them (0 reserves none) or raise the account's limit");
    }

    private static void requireDomainPrefix(String prefix, String key, String hint) {
        require(prefix.length() <= MAX_DOMAIN_PREFIX_LENGTH, key + " gives a Cognito domain prefix longer than 63 characters" + hint);
        require(DOMAIN_PREFIX.matcher(prefix).matches(),
                key + " gives a Cognito domain prefix that is not lower-case letters, digits and inner '-'" + hint);
        DOMAIN_PREFIX_RESERVED_WORDS.forEach(word -> require(!prefix.contains(word),
                key + " gives a Cognito domain prefix containing the reserved word '" + word + "'" + hint));
    }

    private static DeploymentStrategy deploymentStrategy(String key) {
        return Arrays.stream(DeploymentStrategy.values()).filter(strategy -> strategy.key.equals(key)).findFirst()
                .orElseThrow(() -> new InvalidSettingException("invalid context: deploymentStrategy must be canary or all-at-once"));
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
            throw new InvalidSettingException("invalid context: " + message);
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
                throw new InvalidSettingException("invalid context: " + key + " must be a whole number");
            }).orElse(fallback);
        }

        boolean bool(String key, boolean fallback) {
            return string(key).map(value -> switch (value.toLowerCase()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidSettingException("invalid context: " + key + " must be true or false");
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
