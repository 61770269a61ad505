package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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
        assertThat(defaults.accessTokenValidityMinutes()).isEqualTo(60);
        assertThat(defaults.snapStart()).isTrue();
        assertThat(defaults.deploymentStrategy()).isEqualTo(Settings.DeploymentStrategy.CANARY);
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
