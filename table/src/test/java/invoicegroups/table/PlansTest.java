package invoicegroups.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlansTest {

    @Test
    void readsEveryNumberTypeJacksonGivesAndSortsByName() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("standard", Map.of("rateLimit", 10, "burstLimit", 20L));
        tree.put("premium", Map.of("rateLimit", new BigDecimal("50.5"), "burstLimit", BigInteger.valueOf(100),
                "monthlyQuota", 1_000_000.0));

        Map<String, Plan> plans = Plans.parse(tree);

        assertThat(plans.keySet()).containsExactly("premium", "standard");
        assertThat(plans.get("premium")).isEqualTo(new Plan("premium", 50.5, 100, OptionalLong.of(1_000_000)));
        assertThat(plans.get("standard")).isEqualTo(new Plan("standard", 10, 20, OptionalLong.empty()));
    }

    @Test
    void namesThePlanAndTheFieldNeverTheValue() {
        rejected(List.of(), "must be a JSON object of plan name to limits");
        rejected(Map.of(), "must be a JSON object of plan name to limits");
        rejected(Map.of("Gold", Map.of("rateLimit", 1, "burstLimit", 1)), "plan names must be");
        rejected(Map.of("gold", "fast"), "plan gold must be an object");
        rejected(Map.of("gold", Map.of("rateLimit", "secret-10", "burstLimit", 1)), "plan gold: rateLimit");
        rejected(Map.of("gold", Map.of("rateLimit", 10_001, "burstLimit", 1)), "plan gold: rateLimit");
        rejected(Map.of("gold", Map.of("rateLimit", 10)), "plan gold: burstLimit must be a whole number 1..5000");
        rejected(Map.of("gold", Map.of("rateLimit", 10, "burstLimit", 2.5)), "plan gold: burstLimit");
        rejected(Map.of("gold", Map.of("rateLimit", 10, "burstLimit", 2, "monthlyQuota", 0)), "plan gold: monthlyQuota");
        rejected(Map.of("gold", Map.of("rateLimit", 10, "burst", 2)), "plan gold has an unknown field");
    }

    @Test
    void holdsNoMorePlansThanApiGatewayAllows() {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (int i = 0; i <= Plan.MAX_PLANS; i++) {
            tree.put("p" + i, Map.of("rateLimit", 1, "burstLimit", 1));
        }
        rejected(tree, "holds 301 plans; API Gateway allows 300");
    }

    private static void rejected(Object tree, String message) {
        assertThatThrownBy(() -> Plans.parse(tree)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageNotContaining("secret");
    }
}
