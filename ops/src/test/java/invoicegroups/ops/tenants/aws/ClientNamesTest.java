package invoicegroups.ops.tenants.aws;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.table.TenantId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ClientNamesTest {

    @Property
    void everyTenantIdGivesAValidCognitoClientName(@ForAll("tenantIds") String tenantId) {
        String name = ClientNames.forTenant(tenantId);

        assertThat(name).matches(ClientNames.PATTERN).hasSizeBetween(1, ClientNames.MAX_LENGTH);
    }

    @Test
    void aColonIsTheOneTenantCharacterCognitoDoesNotTake() {
        assertThat(ClientNames.forTenant("acme:eu-1.billing_2")).isEqualTo("acme_eu-1.billing_2");
    }

    @Provide
    Arbitrary<String> tenantIds() {
        return Arbitraries.strings().withChars("abcXYZ019._:-").ofMinLength(1).ofMaxLength(128)
                .filter(TenantId::isValid);
    }
}
