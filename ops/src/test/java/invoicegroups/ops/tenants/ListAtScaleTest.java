package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.ops.Outcome;
import invoicegroups.table.TenantRegistryTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.json.JsonMapper;

/** {@code tenants list} over 10,000 tenants: every one, once, over several Scan pages fetched by the paginator. */
class ListAtScaleTest extends WithStandIns {

    static final int TENANTS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void tenThousandTenantsAreListedEachOnceOverSeveralPages() {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            String tenant = "tenant-" + i;
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(TenantRegistryTable.tenantRecordKey(tenant)),
                    TenantRegistryTable.TENANT_ID, AttributeValue.fromS(tenant),
                    TenantRegistryTable.STATUS, AttributeValue.fromS("active"),
                    TenantRegistryTable.PLAN, AttributeValue.fromS(i % 2 == 0 ? "standard" : "premium"),
                    TenantRegistryTable.CREATED_AT, AttributeValue.fromS("2026-01-01T00:00:00Z"),
                    TenantRegistryTable.VERSION, AttributeValue.fromN("2"),
                    TenantRegistryTable.CLIENT_IDS, AttributeValue.fromSs(List.of("client" + i)),
                    TenantRegistryTable.API_KEY_ID, AttributeValue.fromS("key" + i),
                    TenantRegistryTable.API_KEY_VALUE, AttributeValue.fromS("x".repeat(40)))).build()).build());
            if (batch.size() == 25 || i == TENANTS - 1) {
                List<WriteRequest> requests = List.copyOf(batch);
                standIns.dynamoDb.batchWriteItem(request -> request.requestItems(
                        Map.of(TenantRegistryTable.DEFAULT_NAME, requests)));
                batch.clear();
            }
        }

        Outcome json = standIns.tenants("list", "--output", "json");
        Outcome text = standIns.tenants("list");

        assertThat(json.status()).as(json.err()).isZero();
        Set<String> seen = new HashSet<>();
        json.outLines().forEach(line -> seen.add(JSON.readTree(line).path("tenantId").asString()));
        assertThat(json.outLines()).hasSize(TENANTS);
        assertThat(seen).hasSize(TENANTS);
        assertThat(json.err()).contains("10000 tenants");
        assertThat(standIns.cognito.count("Scan")).as("Scan pages of both runs").isGreaterThanOrEqualTo(4);
        assertThat(text.outLines()).hasSize(TENANTS + 1).contains("tenant-7\tactive\tpremium\t50\t100\t1000000/MONTH"
                + "\t1\t2026-01-01T00:00:00Z\t-");
        assertThat(json.out()).doesNotContain("x".repeat(40));
    }
}
