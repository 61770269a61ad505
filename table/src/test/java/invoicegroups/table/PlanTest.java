package invoicegroups.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void theDefaultPlanIsOneOfTheDefaults() {
        assertThat(Plan.DEFAULTS).containsKey(Plan.DEFAULT_PLAN);
        Plan.DEFAULTS.forEach((name, plan) -> assertThat(plan.name()).isEqualTo(name));
    }

    @Test
    void standardIsTogaisDefaultOfTenRequestsASecond() {
        assertThat(Plan.DEFAULTS.get("standard").rateLimit()).isEqualTo(10);
    }

    @Test
    void limitsMustBePositiveAndNamesWellFormed() {
        assertThatThrownBy(() -> new Plan("Gold", 1, 1, OptionalLong.empty())).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new Plan("gold", 0, 1, OptionalLong.empty())).hasMessageContaining("rateLimit");
        assertThatThrownBy(() -> new Plan("gold", Double.NaN, 1, OptionalLong.empty())).hasMessageContaining("rateLimit");
        assertThatThrownBy(() -> new Plan("gold", 1, 0, OptionalLong.empty())).hasMessageContaining("burstLimit");
        assertThatThrownBy(() -> new Plan("gold", 1, 1, OptionalLong.of(0))).hasMessageContaining("monthlyQuota");
        assertThat(new Plan("gold-2", 0.5, 1, OptionalLong.of(1)).monthlyQuota()).hasValue(1);
    }
}
