package invoicegroups.infra;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every configuration README.md (Deploy) tells someone to deploy, each synthesised once per test run and shared by
 * the checks that must hold for all of them (no dependency cycle, nothing cfn-lint objects to). Add a configuration
 * here when the README documents a new one.
 */
final class DocumentedConfigurations {

    /** A named set of context values and the regions README.md says it deploys to. */
    record Configuration(String name, Map<String, Object> context, List<String> regions) {

        Synthesized synthesized() {
            return SYNTHESIZED.computeIfAbsent(name, key -> context.isEmpty() ? Synthesized.DEFAULTS : Synthesized.with(context));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, Synthesized> SYNTHESIZED = new ConcurrentHashMap<>();

    /** ConfiguredStackTest's context: every key of README's Configuration table set away from its default at once. */
    static final Map<String, Object> EVERY_SETTING_CONTEXT = Map.ofEntries(
            Map.entry("stackName", "InvoiceGroupsDev"),
            Map.entry("destroyable", "true"),
            Map.entry("functionMemoryMb", 2048),
            Map.entry("functionTimeoutSeconds", "15"),
            Map.entry("logRetentionDays", 7),
            Map.entry("throttleRateLimit", 20),
            Map.entry("throttleBurstLimit", "40"),
            Map.entry("corsAllowedOrigins", "https://app.example.com, https://admin.example.com"),
            Map.entry("alarmEmail", "oncall@example.com"),
            Map.entry("serverErrorRateAlarmPercent", 2),
            Map.entry("latencyP99AlarmMillis", 800),
            Map.entry("tenantClaim", "org_id"),
            Map.entry("cognitoDomainPrefix", "invoice-groups-dev-auth"),
            Map.entry("accessTokenValidityMinutes", 15),
            Map.entry("snapStart", "false"),
            Map.entry("deploymentStrategy", "all-at-once"),
            Map.entry("apiGatewayCloudWatchRole", "false"),
            // As cdk.json holds it (an object); PLANS_WITH_QUOTA below is the -c string form.
            Map.entry("plans", Map.of(
                    "basic", Map.of("rateLimit", 2, "burstLimit", 4),
                    "gold", Map.of("rateLimit", 5.5, "burstLimit", 10, "monthlyQuota", 100_000))),
            Map.entry("defaultPlan", "gold"),
            Map.entry("revocationSeconds", 30),
            Map.entry("tokenRequestStormThreshold", 25),
            Map.entry("listFunctionReservedConcurrency", 100),
            Map.entry("tokenTriggerReservedConcurrency", "10"),
            Map.entry("authorizerReservedConcurrency", 40),
            Map.entry("lambdaConcurrencyLimit", 2000));

    /** README's example of plans with a monthly quota, as {@code -c plans=...} passes it: a JSON string. */
    static final String PLANS_WITH_QUOTA = "{\"standard\": {\"rateLimit\": 10, \"burstLimit\": 20},"
            + " \"premium\": {\"rateLimit\": 50, \"burstLimit\": 100, \"monthlyQuota\": 1000000}}";

    static final List<Configuration> ALL = List.of(
            configuration("default", Map.of()),
            configuration("deploymentStrategy=all-at-once", Map.of("deploymentStrategy", "all-at-once")),
            configuration("snapStart=false", Map.of("snapStart", "false")),
            configuration("apiGatewayCloudWatchRole=false", Map.of("apiGatewayCloudWatchRole", "false")),
            configuration("corsAllowedOrigins", Map.of("corsAllowedOrigins", "https://app.example.com,https://admin.example.com")),
            configuration("alarmEmail", Map.of("alarmEmail", "oncall@example.com")),
            configuration("plans with a monthly quota", Map.of("plans", PLANS_WITH_QUOTA)),
            // No authorizer cache: every request asks the authorizer (revocation at once).
            configuration("revocationSeconds=0", Map.of("revocationSeconds", "0")),
            // A new account whose Lambda concurrency limit leaves nothing to reserve (README, Configuration).
            configuration("no reserved concurrency", Map.of("tokenTriggerReservedConcurrency", "0",
                    "authorizerReservedConcurrency", "0", "lambdaConcurrencyLimit", "10")),
            // README's throwaway dev stack, exactly as its deploy command spells it.
            configuration("dev stack (stackName, destroyable, all-at-once)", Map.of(
                    "stackName", "InvoiceGroupsDev", "destroyable", "true", "deploymentStrategy", "all-at-once")),
            configuration("every setting", EVERY_SETTING_CONTEXT));

    private DocumentedConfigurations() {
    }

    static Configuration named(String name) {
        return ALL.stream().filter(configuration -> configuration.name().equals(name)).findFirst().orElseThrow();
    }

    private static Configuration configuration(String name, Map<String, Object> context) {
        boolean snapStart = !"false".equals(String.valueOf(context.get("snapStart")));
        return new Configuration(name, context, snapStart ? SupportedRegions.WITH_SNAPSTART : SupportedRegions.COMMERCIAL);
    }
}
