package invoicegroups.ops.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.table.AccessTokens;
import invoicegroups.table.InvoiceGroupsTable;
import invoicegroups.table.LocalRunner;
import invoicegroups.table.TenantRegistryTable;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void theLocalRunnerIsItsUrlWithItsDefaultPoolAndTables() {
        try (Target local = Targets.local(Targets.endpoint("http://localhost:8080/"))) {
            assertThat(local.where()).isEqualTo("the local runner at http://localhost:8080");
            assertThat(local.userPoolId()).isEqualTo(LocalRunner.USER_POOL_ID);
            assertThat(local.registryTableName()).isEqualTo(TenantRegistryTable.DEFAULT_NAME);
            assertThat(local.invoiceGroupsTableName()).isEqualTo(InvoiceGroupsTable.DEFAULT_NAME);
            assertThat(local.accessTokenValidity())
                    .isEqualTo(Duration.ofMinutes(AccessTokens.DEFAULT_VALIDITY_MINUTES));
            assertThat(local.restApiId()).isEqualTo("local");
        }
    }

    @Test
    void anEndpointIsAnHttpUrlWithoutAPath() {
        assertThat(Targets.endpoint("https://127.0.0.1:9000")).isEqualTo(URI.create("https://127.0.0.1:9000"));
        for (String bad : new String[] {"localhost:8080", "ftp://host", "http://host/path", "http://host?x=1", "::"}) {
            assertThatThrownBy(() -> Targets.endpoint(bad)).as(bad).isInstanceOf(CommandFailure.class)
                    .extracting("kind").isEqualTo(CommandFailure.Kind.USAGE);
        }
    }

    @Test
    void theAccessTokenLifetimeFromTheStackIsWithinCognitosBounds() {
        assertThat(Targets.tokenValidity("60", "S")).isEqualTo(Duration.ofMinutes(60));
        assertThat(Targets.tokenValidity("1440", "S")).isEqualTo(Duration.ofDays(1));
        for (String bad : new String[] {"4", "1441", "sixty", ""}) {
            assertThatThrownBy(() -> Targets.tokenValidity(bad, "S")).as(bad)
                    .hasMessage("stack S: output AccessTokenValidityMinutes must be 5 to 1440 minutes");
        }
    }
}
