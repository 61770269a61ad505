package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.table.AccessTokens;
import invoicegroups.table.Plan;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

class SettingsTest {

    private static Settings settings(Map<String, Object> context) {
        return Settings.from(new App(AppProps.builder().context(context).build()).getNode());
    }

    /** Synth fails with one line that names the setting. */
    private static void rejected(Map<String, Object> context, String key) {
        assertThatThrownBy(() -> settings(context))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("invalid context: " + key)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void defaultsAreTheNamedConstants() {
        Settings defaults = settings(Map.of());
        assertThat(defaults.stackName()).isEqualTo("InvoiceGroups");
        assertThat(defaults.destroyable()).isFalse();
        assertThat(defaults.tenantClaim()).isEqualTo("tenant_id");
        assertThat(defaults.corsAllowedOrigins()).isEmpty();
        assertThat(defaults.alarmEmail()).isEmpty();
        // Chosen for cost: revocation no longer waits for expiry (README, Token economics).
        assertThat(defaults.accessTokenValidityMinutes()).isEqualTo(AccessTokens.DEFAULT_VALIDITY_MINUTES).isEqualTo(1440);
        assertThat(defaults.snapStart()).isTrue();
        assertThat(defaults.deploymentStrategy()).isEqualTo(Settings.DeploymentStrategy.CANARY);
        assertThat(defaults.plans()).isEqualTo(Plan.DEFAULTS);
        assertThat(defaults.plans().keySet()).containsExactly("premium", "standard");
        assertThat(defaults.defaultPlan()).isEqualTo(Plan.DEFAULT_PLAN);
        assertThat(defaults.revocationSeconds()).isEqualTo(AccessTokens.DEFAULT_REVOCATION_SECONDS).isEqualTo(60);
        assertThat(defaults.tokenRequestStormThreshold()).isEqualTo(50);
        assertThat(defaults.reservedConcurrency()).isEqualTo(new Settings.ReservedConcurrency(0, 20, 50, 1000));
        assertThat(defaults.throttleRateLimit()).isEqualTo(1000);
        assertThat(defaults.throttleBurstLimit()).isEqualTo(1000);
    }

    @Test
    void plansComeAsAJsonStringFromTheCommandLineOrAsAnObjectFromCdkJson() {
        Map<String, Plan> expected = Map.of(
                "standard", new Plan("standard", 10, 20, OptionalLong.empty()),
                "premium", new Plan("premium", 50, 100, OptionalLong.of(1_000_000)));
        assertThat(settings(Map.of("plans", DocumentedConfigurations.PLANS_WITH_QUOTA)).plans()).isEqualTo(expected);
        assertThat(settings(Map.of("plans", Map.of(
                "standard", Map.of("rateLimit", 10.0, "burstLimit", 20.0),
                "premium", Map.of("rateLimit", 50, "burstLimit", 100, "monthlyQuota", 1_000_000.0)))).plans()).isEqualTo(expected);
        assertThat(settings(Map.of("plans", "{\"trial\": {\"rateLimit\": 0.5, \"burstLimit\": 1}}", "defaultPlan", "trial"))
                .plans().get("trial").rateLimit()).isEqualTo(0.5);
    }

    /** Every limit within what API Gateway takes for a usage plan, or synth fails naming the plan and the field. */
    @Test
    void planLimitsAreCheckedAgainstApiGatewaysRanges() {
        rejected(Map.of("plans", "not json"), "plans: not valid JSON");
        rejected(Map.of("plans", "{\"standard\": {\"rateLimit\": \"\u0000secret"), "plans: not valid JSON");
        rejected(Map.of("plans", "[]"), "plans: must be a JSON object");
        rejected(Map.of("plans", "{}"), "plans: must be a JSON object");
        rejected(Map.of("plans", plan("Gold", "{\"rateLimit\": 1, \"burstLimit\": 1}")), "plans: plan names");
        rejected(Map.of("plans", plan("standard", "{\"rateLimit\": 0, \"burstLimit\": 1}")), "plans: plan standard: rateLimit");
        rejected(Map.of("plans", plan("standard", "{\"rateLimit\": 10001, \"burstLimit\": 1}")), "plans: plan standard: rateLimit");
        rejected(Map.of("plans", plan("standard", "{\"rateLimit\": \"10\", \"burstLimit\": 1}")), "plans: plan standard: rateLimit");
        rejected(Map.of("plans", plan("standard", "{\"rateLimit\": 10}")), "plans: plan standard: burstLimit");
        rejected(Map.of("plans", plan("standard", "{\"rateLimit\": 10, \"burstLimit\": 5001}")), "plans: plan standard: burstLimit");
        rejected(Map.of("plans", plan("standard", "{\"rateLimit\": 10, \"burstLimit\": 2.5}")), "plans: plan standard: burstLimit");
        rejected(Map.of("plans", plan("standard", "{\"rateLimit\": 10, \"burstLimit\": 20, \"monthlyQuota\": 0}")),
                "plans: plan standard: monthlyQuota");
        rejected(Map.of("plans", plan("standard", "{\"rateLimit\": 10, \"burstLimit\": 20, \"monthlyQuota\": 2147483648}")),
                "plans: plan standard: monthlyQuota");
        rejected(Map.of("plans", plan("standard", "{\"rateLimit\": 10, \"burst\": 20}")), "plans: plan standard has an unknown field");
        assertThat(settings(Map.of("plans", plan("standard", "{\"rateLimit\": 10000, \"burstLimit\": 4999,"
                + " \"monthlyQuota\": 2147483647}"), "throttleRateLimit", 10001, "throttleBurstLimit", 5000))
                .plans().get("standard").monthlyQuota()).hasValue(Integer.MAX_VALUE);
    }

    @Test
    void theDefaultPlanMustBeAPlanAndTheStageMustCapMoreThanAnyOneTenant() {
        rejected(Map.of("defaultPlan", "gold"), "defaultPlan");
        rejected(Map.of("plans", plan("gold", "{\"rateLimit\": 10, \"burstLimit\": 20}")), "defaultPlan");
        // The stage's limit is shared by all tenants: one tenant at its plan's limit must not reach it alone.
        rejected(Map.of("throttleRateLimit", 50), "throttleRateLimit");
        rejected(Map.of("throttleBurstLimit", 100), "throttleBurstLimit");
        assertThat(settings(Map.of("throttleRateLimit", 51, "throttleBurstLimit", 101)).throttleRateLimit()).isEqualTo(51);
    }

    @Test
    void revocationSecondsIsTheAuthorizerCachesZeroToAnHour() {
        assertThat(settings(Map.of("revocationSeconds", "0")).revocationSeconds()).isZero();
        assertThat(settings(Map.of("revocationSeconds", 3600)).revocationSeconds()).isEqualTo(3600);
        rejected(Map.of("revocationSeconds", -1), "revocationSeconds");
        rejected(Map.of("revocationSeconds", 3601), "revocationSeconds");
        rejected(Map.of("tokenRequestStormThreshold", 0), "tokenRequestStormThreshold");
    }

    /** Lambda refuses reservations that leave fewer than 100 of the account's concurrency unreserved. */
    @Test
    void reservationsMustLeaveAHundredOfTheAccountsConcurrencyUnreserved() {
        assertThat(settings(Map.of("listFunctionReservedConcurrency", 830)).reservedConcurrency().total()).isEqualTo(900);
        rejected(Map.of("listFunctionReservedConcurrency", 831), "listFunctionReservedConcurrency, tokenTriggerReservedConcurrency");
        rejected(Map.of("authorizerReservedConcurrency", -1), "authorizerReservedConcurrency");
        // A new account with a concurrency limit of 10 can reserve nothing.
        rejected(Map.of("lambdaConcurrencyLimit", 10), "listFunctionReservedConcurrency, tokenTriggerReservedConcurrency");
        assertThat(settings(Map.of("lambdaConcurrencyLimit", 10, "tokenTriggerReservedConcurrency", 0,
                "authorizerReservedConcurrency", "0")).reservedConcurrency().total()).isZero();
        assertThat(settings(Map.of("lambdaConcurrencyLimit", 5000, "listFunctionReservedConcurrency", 4830))
                .reservedConcurrency().total()).isEqualTo(4900);
    }

    private static String plan(String name, String limits) {
        return "{\"" + name + "\": " + limits + "}";
    }

    @Test
    void commandLineStringsAndCdkJsonValuesMeanTheSame() {
        Settings fromCommandLine = settings(Map.of("functionMemoryMb", "512", "destroyable", "true", "snapStart", "false",
                "corsAllowedOrigins", "https://a.example.com, https://b.example.com"));
        Settings fromCdkJson = settings(Map.of("functionMemoryMb", 512.0, "destroyable", true, "snapStart", false,
                "corsAllowedOrigins", List.of("https://a.example.com", "https://b.example.com")));
        assertThat(fromCommandLine).isEqualTo(fromCdkJson);
    }

    @Test
    void impossibleNumbersFailSynthNamingTheKey() {
        rejected(Map.of("functionTimeoutSeconds", 3), "functionTimeoutSeconds");
        rejected(Map.of("functionMemoryMb", "lots"), "functionMemoryMb");
        rejected(Map.of("logRetentionDays", 10), "logRetentionDays");
        rejected(Map.of("destroyable", "yes"), "destroyable");
        rejected(Map.of("throttleRateLimit", 0), "throttleRateLimit");
        rejected(Map.of("throttleBurstLimit", 6000), "throttleBurstLimit");
        rejected(Map.of("serverErrorRateAlarmPercent", 101), "serverErrorRateAlarmPercent");
        rejected(Map.of("latencyP99AlarmMillis", 0), "latencyP99AlarmMillis");
    }

    @Test
    void accessTokenValidityStaysInCognitosFiveMinutesToOneDay() {
        assertThat(settings(Map.of("accessTokenValidityMinutes", 5)).accessTokenValidityMinutes()).isEqualTo(5);
        assertThat(settings(Map.of("accessTokenValidityMinutes", 1440)).accessTokenValidityMinutes()).isEqualTo(1440);
        rejected(Map.of("accessTokenValidityMinutes", 4), "accessTokenValidityMinutes");
        rejected(Map.of("accessTokenValidityMinutes", 1441), "accessTokenValidityMinutes");
    }

    @Test
    void cognitoDomainPrefixFollowsCognitosRules() {
        assertThat(settings(Map.of("cognitoDomainPrefix", "invoice-groups-dev")).cognitoDomainPrefix()).contains("invoice-groups-dev");
        rejected(Map.of("cognitoDomainPrefix", "Invoice-Groups"), "cognitoDomainPrefix");
        rejected(Map.of("cognitoDomainPrefix", "-invoice"), "cognitoDomainPrefix");
        rejected(Map.of("cognitoDomainPrefix", "a".repeat(64)), "cognitoDomainPrefix");
        rejected(Map.of("cognitoDomainPrefix", "my-aws-auth"), "cognitoDomainPrefix");
        rejected(Map.of("cognitoDomainPrefix", "amazonish"), "cognitoDomainPrefix");
        rejected(Map.of("cognitoDomainPrefix", "mycognito"), "cognitoDomainPrefix");
    }

    @Test
    void theDefaultDomainPrefixMakesStackNameCarryTheSameRules() {
        // <stack name lower-cased>-<12-digit account id> must fit 63 characters and avoid the reserved words.
        assertThat(settings(Map.of("stackName", "A" + "b".repeat(49))).stackName()).hasSize(50);
        rejected(Map.of("stackName", "A" + "b".repeat(50)), "stackName");
        rejected(Map.of("stackName", "AwsInvoices"), "stackName");
        rejected(Map.of("stackName", "Invoice_Groups"), "stackName");
        assertThat(settings(Map.of("stackName", "A" + "b".repeat(70), "cognitoDomainPrefix", "ig-auth")).stackName()).hasSize(71);
        // It prefixes the Contributor Insights rule names (at most 128 characters).
        rejected(Map.of("stackName", "A" + "b".repeat(106), "cognitoDomainPrefix", "ig-auth"), "stackName");
    }

    @Test
    void otherStringsAreCheckedToo() {
        rejected(Map.of("tenantClaim", "custom:tenant"), "tenantClaim");
        rejected(Map.of("tenantClaim", "client_id"), "tenantClaim");
        rejected(Map.of("alarmEmail", "oncall"), "alarmEmail");
        rejected(Map.of("corsAllowedOrigins", "https://app.example.com/path"), "corsAllowedOrigins");
        rejected(Map.of("deploymentStrategy", "blue-green"), "deploymentStrategy");
        rejected(Map.of("snapStart", "maybe"), "snapStart");
        assertThat(settings(Map.of("deploymentStrategy", "all-at-once")).deploymentStrategy())
                .isEqualTo(Settings.DeploymentStrategy.ALL_AT_ONCE);
    }

    @Test
    void removedKeysFailSynthSayingWhy() {
        rejected(Map.of("tenants", List.of("acme")), "tenants");
        rejected(Map.of("jwtIssuer", "https://issuer.example.com"), "jwtIssuer");
        rejected(Map.of("jwtAudience", "x"), "jwtAudience");
        rejected(Map.of("userPoolId", "eu-west-1_x"), "userPoolId");
    }
}
