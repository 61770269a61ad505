package invoicegroups.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

class AuthorizerConfigurationTest {

    private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example1";

    @Test
    void readsTheIssuerTheRegistryTheClaimTheRegionAndAnOptionalEndpoint() {
        assertThat(AuthorizerConfiguration.from(Map.of("JWT_ISSUER", ISSUER, "TENANT_REGISTRY_TABLE", "registry",
                "AWS_REGION", "eu-west-1")))
                .isEqualTo(new AuthorizerConfiguration(ISSUER, URI.create(ISSUER + "/.well-known/jwks.json"),
                        "registry", "tenant_id", Region.EU_WEST_1, Optional.empty()));
        assertThat(AuthorizerConfiguration.from(Map.of("JWT_ISSUER", " " + ISSUER + " ", "TENANT_REGISTRY_TABLE",
                "registry", "AWS_REGION", "eu-west-1", "TENANT_CLAIM", "org_id",
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:8000")))
                .isEqualTo(new AuthorizerConfiguration(ISSUER, URI.create(ISSUER + "/.well-known/jwks.json"),
                        "registry", "org_id", Region.EU_WEST_1, Optional.of(URI.create("http://127.0.0.1:8000"))));
    }

    @Test
    void theIssuerTheRegistryTableAndTheRegionAreRequired() {
        Map<String, String> complete = Map.of("JWT_ISSUER", ISSUER, "TENANT_REGISTRY_TABLE", "registry",
                "AWS_REGION", "eu-west-1");
        for (String name : complete.keySet()) {
            Map<String, String> missing = new HashMap<>(complete);
            missing.remove(name);
            assertThatThrownBy(() -> AuthorizerConfiguration.from(missing))
                    .hasMessage("environment variable " + name + " is required");
            missing.put(name, "  ");
            assertThatThrownBy(() -> AuthorizerConfiguration.from(missing))
                    .hasMessage("environment variable " + name + " is required");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ISSUER + "/", "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example1",
            "ftp://example.com/pool", ISSUER + "?x=1", ISSUER + "#f", "https://", "not a url"})
    void anIssuerThatCouldNeverEqualATokensIssIsRefused(String issuer) {
        assertThatThrownBy(() -> AuthorizerConfiguration.from(Map.of("JWT_ISSUER", issuer,
                "TENANT_REGISTRY_TABLE", "registry", "AWS_REGION", "eu-west-1")))
                .hasMessageStartingWith("environment variable JWT_ISSUER must be an http(s) URL");
    }
}
