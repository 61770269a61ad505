package invoicegroups.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantRegistryTableTest {

    @Test
    void aTenantRecordsKeyCanNeverBeACognitoClientId() {
        String key = TenantRegistryTable.tenantRecordKey("acme");
        assertThat(key).isEqualTo("tenant#acme");
        // Cognito's ClientId pattern is [\w+]+: no '#'.
        assertThat(key).doesNotMatch("[\\w+]+");
        assertThat(TenantRegistryTable.isTenantRecordKey(key)).isTrue();
        assertThat(TenantRegistryTable.isTenantRecordKey("4tnl0v0p5se8sdcb1q4cjr5hkv")).isFalse();
        assertThat(TenantRegistryTable.isTenantRecordKey(null)).isFalse();
    }
}
