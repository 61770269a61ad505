package invoicegroups.tokencustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class TriggerConfigurationTest {

    @Test
    void readsTheRegistryTheClaimTheRegionAndAnOptionalEndpoint() {
        assertThat(TriggerConfiguration.from(Map.of("TENANT_REGISTRY_TABLE", "registry", "AWS_REGION", "eu-west-1")))
                .isEqualTo(new TriggerConfiguration("registry", "tenant_id", Region.EU_WEST_1, Optional.empty()));
        assertThat(TriggerConfiguration.from(Map.of("TENANT_REGISTRY_TABLE", " registry ", "AWS_REGION", "eu-west-1",
                "TENANT_CLAIM", "custom:tenant", "DYNAMODB_ENDPOINT", "http://127.0.0.1:8000")))
                .isEqualTo(new TriggerConfiguration("registry", "custom:tenant", Region.EU_WEST_1,
                        Optional.of(URI.create("http://127.0.0.1:8000"))));
    }

    @Test
    void theRegistryTableAndTheRegionAreRequired() {
        assertThatThrownBy(() -> TriggerConfiguration.from(Map.of("AWS_REGION", "eu-west-1")))
                .hasMessage("environment variable TENANT_REGISTRY_TABLE is required");
        assertThatThrownBy(() -> TriggerConfiguration.from(Map.of("TENANT_REGISTRY_TABLE", " ", "AWS_REGION", "eu-west-1")))
                .hasMessage("environment variable TENANT_REGISTRY_TABLE is required");
        assertThatThrownBy(() -> TriggerConfiguration.from(Map.of("TENANT_REGISTRY_TABLE", "registry")))
                .hasMessage("environment variable AWS_REGION is required");
    }
}
