package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A failed first deploy leaves nothing behind (RetainExceptOnCreate); a later delete or replacement keeps the data.
 * The one exception is API Gateway's account-level logging role and setting: shared by every REST API of the account and region,
 * it outlives any one stack on purpose.
 */
class RemovalTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;
    static final List<String> STATEFUL = List.of("AWS::DynamoDB::GlobalTable", "AWS::Cognito::UserPool",
            "AWS::Logs::LogGroup", "AWS::KMS::Key");

    @Test
    void statefulResourcesAreRetainedExceptWhenTheirCreationFails() {
        for (String type : STATEFUL) {
            assertThat(DEFAULTS.resources(type)).as(type).isNotEmpty().allSatisfy((id, resource) -> assertThat(resource)
                    .containsEntry("DeletionPolicy", "RetainExceptOnCreate")
                    .containsEntry("UpdateReplacePolicy", "Retain"));
        }
    }

    @Test
    void onlyApiGatewaysAccountLevelLoggingRoleAndSettingArePlainlyRetained() {
        Map<String, Map<String, Object>> resources = Synthesized.at(DEFAULTS.template().toJSON(), "Resources");
        List<String> plainlyRetained = resources.entrySet().stream()
                .filter(entry -> "Retain".equals(entry.getValue().get("DeletionPolicy")))
                .map(entry -> (String) entry.getValue().get("Type"))
                .toList();
        assertThat(plainlyRetained).containsExactlyInAnyOrder("AWS::IAM::Role", "AWS::ApiGateway::Account");
    }
}
