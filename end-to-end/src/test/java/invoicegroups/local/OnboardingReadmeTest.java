package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import invoicegroups.local.ReadmeBlocks.Shell;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's "Onboard a tenant" blocks, pasted into a shell as written, against a running runner. */
class OnboardingReadmeTest {

    private List<String> blocks;

    @BeforeEach
    void readme() throws Exception {
        assumeTrue(ReadmeBlocks.onPath("bash", "curl", "sed"), "needs bash, curl and sed");
        assumeTrue(ReadmeBlocks.opsJarBuilt(), "needs the ops jar (mvn -pl end-to-end -am verify builds it first)");
        blocks = ReadmeBlocks.bashBlocks(ReadmeBlocks.section("ops-onboard"));
        assertThat(blocks).hasSize(3);
    }

    @Test
    void theFirstBlockAddsInitechAndPrintsItsCredentialsOnce() throws Exception {
        assertThat(blocks.get(0).strip()).isEqualTo(
                "java -jar ops/target/invoice-groups-ops.jar tenants add initech --endpoint " + ReadmeBlocks.README_PORT);
        try (RunningLocalApi local = RunningLocalApi.start()) {
            Shell shell = ReadmeBlocks.run(blocks.get(0), local.api.baseUri());

            assertThat(shell.status()).as(shell.err()).isZero();
            OperatorCommand.Credentials credentials = OperatorCommand.credentials(shell.out());
            assertThat(credentials.tenantId()).isEqualTo("initech");
            assertThat(local.get("/invoice_groups", TenantLifecycleTest.token(local, credentials)).body())
                    .isEqualTo("{\"data\":[]}");
        }
    }

    @Test
    void theScriptedBlockListsTheNewTenantsInvoiceGroupsAndTheNextBlockChangesIt() throws Exception {
        assertThat(blocks.get(1)).startsWith("read -r _ _ _ CLIENT_ID _ CLIENT_SECRET < <(java -jar ops/target/");
        try (RunningLocalApi local = RunningLocalApi.start()) {
            Shell scripted = ReadmeBlocks.run(blocks.get(1), local.api.baseUri());

            assertThat(scripted.status()).as(scripted.err()).isZero();
            assertThat(scripted.out().strip()).isEqualTo("{\"data\":[]}");
            assertThat(OperatorCommand.tenants(local.api.baseUri(), "list").out())
                    .contains("initech\tactive\tstandard\t10\t20\t-\t1\t");

            Shell changed = ReadmeBlocks.run("set -e\n" + blocks.get(2), local.api.baseUri());

            assertThat(changed.status()).as(changed.err()).isZero();
            assertThat(changed.out()).contains("tenant initech now on plan premium", "tenant initech suspended",
                    "tenant initech resumed");
            assertThat(changed.err()).contains("all consistent");
            assertThat(OperatorCommand.tenants(local.api.baseUri(), "list").out())
                    .contains("initech\tactive\tpremium\t50\t100\t-\t1\t");
        }
    }
}
