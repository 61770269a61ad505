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

    @Test
    void defaultsAreTheNamedConstants() {
        Settings defaults = settings(Map.of());
        assertThat(defaults.stackName()).isEqualTo("InvoiceGroups");
        assertThat(defaults.destroyable()).isFalse();
        assertThat(defaults.tenantClaim()).isEqualTo("tenant_id");
        assertThat(defaults.tenants()).containsExactly("demo");
        assertThat(defaults.corsAllowedOrigins()).isEmpty();
        assertThat(defaults.alarmEmail()).isEmpty();
        assertThat(defaults.ownsUserPool()).isTrue();
    }

    @Test
    void commandLineStringsAndCdkJsonValuesMeanTheSame() {
        Settings fromCommandLine = settings(Map.of("functionMemoryMb", "512", "destroyable", "true", "tenants", "a, b"));
        Settings fromCdkJson = settings(Map.of("functionMemoryMb", 512.0, "destroyable", true, "tenants", List.of("a", "b")));
        assertThat(fromCommandLine).isEqualTo(fromCdkJson);
    }

    @Test
    void impossibleValuesFailSynthWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> settings(Map.of("functionTimeoutSeconds", 3)))
                .hasMessageContaining("functionTimeoutSeconds");
        assertThatThrownBy(() -> settings(Map.of("functionMemoryMb", "lots"))).hasMessageContaining("functionMemoryMb");
        assertThatThrownBy(() -> settings(Map.of("logRetentionDays", 10))).hasMessageContaining("logRetentionDays");
        assertThatThrownBy(() -> settings(Map.of("destroyable", "yes"))).hasMessageContaining("destroyable");
    }

    @Test
    void tenantIdsMustBeValidScopeNamesAndDistinct() {
        assertThatThrownBy(() -> settings(Map.of("tenants", List.of("acme/eu")))).hasMessageContaining("acme/eu");
        assertThatThrownBy(() -> settings(Map.of("tenants", List.of("acme", "acme")))).hasMessageContaining("repeat");
        assertThatThrownBy(() -> settings(Map.of("tenants", List.of("a-b", "a_b")))).hasMessageContaining("distinct");
    }

    @Test
    void anExternalIssuerNeedsAnAudienceAndExcludesTheOwnPoolsKnobs() {
        assertThatThrownBy(() -> settings(Map.of("jwtIssuer", "https://issuer.example.com")))
                .hasMessageContaining("jwtAudience");
        assertThatThrownBy(() -> settings(Map.of("jwtIssuer", "https://issuer.example.com", "jwtAudience", "x",
                "tenants", "acme"))).hasMessageContaining("tenants");
        assertThatThrownBy(() -> settings(Map.of("jwtIssuer", "https://i.example.com", "userPoolId", "eu-west-1_x",
                "jwtAudience", "x"))).hasMessageContaining("not both");
        assertThat(settings(Map.of("userPoolId", "eu-west-1_x", "jwtAudience", "x")).ownsUserPool()).isFalse();
    }
}
