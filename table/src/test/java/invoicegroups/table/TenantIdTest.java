package invoicegroups.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "a", "ACME-eu.prod_2", "org:1234", "0", "-leading-dash-is-allowed"})
    void plainIdsUpTo128CharactersAreValid(String id) {
        assertThat(TenantId.isValid(id)).isTrue();
        assertThat(TenantId.isValid("x".repeat(128))).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "acme globex", "acme,globex", "acme/eu", "ac\u00e9me", "acme\n", "tenant#1", "[\"acme\"]"})
    void anythingElseIsInvalid(String id) {
        assertThat(TenantId.isValid(id)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void moreThan128CharactersIsInvalid() {
        assertThat(TenantId.isValid("x".repeat(129))).isFalse();
    }
}
