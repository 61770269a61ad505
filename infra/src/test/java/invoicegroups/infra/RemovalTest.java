package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What CloudFormation may delete, and when. A resource with deletion protection is never one CloudFormation is asked
 * to delete, not even when the operation that created it rolls back: DynamoDB refuses DeleteTable on a protected table
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html)
 * and Cognito DeleteUserPool on a protected pool
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html), and
 * RetainExceptOnCreate deletes what the rolled-back operation created
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html): the
 * rollback would fail (ROLLBACK_FAILED). Stateful resources without protection are RetainExceptOnCreate: a failed
 * first deploy removes them, a later delete or replacement keeps them.
 */
class RemovalTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;
    static final List<String> UNPROTECTED_STATEFUL = List.of("AWS::Logs::LogGroup", "AWS::KMS::Key");
    static final List<String> STATEFUL = List.of("AWS::DynamoDB::GlobalTable", "AWS::Cognito::UserPool",
            "AWS::Logs::LogGroup", "AWS::KMS::Key");
    static final List<DocumentedConfigurations.Configuration> CONFIGURATIONS = DocumentedConfigurations.ALL;
    /** The property names AWS resource types use for deletion protection, and the values that turn it on. */
    private static final Map<String, Set<Object>> PROTECTION_SWITCHES = Map.of(
            "DeletionProtectionEnabled", Set.of(true, "true"),
            "DeletionProtection", Set.of(true, "true", "ACTIVE"));

    /** True when the resource's properties, at any depth (table replicas), turn deletion protection on. */
    static boolean deletionProtected(Object node) {
        if (node instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(entry ->
                    PROTECTION_SWITCHES.getOrDefault(String.valueOf(entry.getKey()), Set.of()).contains(entry.getValue())
                            || deletionProtected(entry.getValue()));
        }
        return node instanceof List<?> list && list.stream().anyMatch(RemovalTest::deletionProtected);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONFIGURATIONS")
    void cloudFormationIsNeverAskedToDeleteADeletionProtectedResourceNotEvenOnRollback(
            DocumentedConfigurations.Configuration configuration) {
        Map<String, Map<String, Object>> resources = Synthesized.at(configuration.synthesized().template().toJSON(), "Resources");
        resources.forEach((id, resource) -> {
            if (deletionProtected(resource.get("Properties"))) {
                assertThat(resource).as(id).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
            }
        });
    }

    @Test
    void bothTablesAndTheUserPoolAreProtectedAndRetainedAndNothingElseIsProtected() {
        Map<String, Map<String, Object>> resources = Synthesized.at(DEFAULTS.template().toJSON(), "Resources");
        List<String> protectedTypes = resources.values().stream()
                .filter(resource -> deletionProtected(resource.get("Properties")))
                .map(resource -> (String) resource.get("Type")).toList();
        assertThat(protectedTypes).containsExactlyInAnyOrder(
                "AWS::DynamoDB::GlobalTable", "AWS::DynamoDB::GlobalTable", "AWS::Cognito::UserPool");
        assertThat(deletionProtected(Map.of("Replicas", List.of(Map.of("DeletionProtectionEnabled", false))))).isFalse();
        assertThat(deletionProtected(Map.of("DeletionProtection", "INACTIVE"))).isFalse();
    }

    @Test
    void statefulResourcesWithoutProtectionAreDeletedOnlyWhenTheirCreationRollsBack() {
        for (String type : UNPROTECTED_STATEFUL) {
            assertThat(DEFAULTS.resources(type)).as(type).isNotEmpty().allSatisfy((id, resource) -> assertThat(resource)
                    .containsEntry("DeletionPolicy", "RetainExceptOnCreate")
                    .containsEntry("UpdateReplacePolicy", "Retain"));
        }
    }

    /** Besides the protected resources, only API Gateway's account-level logging role and setting outlive the stack. */
    @Test
    void plainlyRetainedAreTheProtectedResourcesAndApiGatewaysAccountLevelLoggingRoleAndSetting() {
        Map<String, Map<String, Object>> resources = Synthesized.at(DEFAULTS.template().toJSON(), "Resources");
        List<String> plainlyRetained = resources.values().stream()
                .filter(resource -> "Retain".equals(resource.get("DeletionPolicy")))
                .map(resource -> (String) resource.get("Type"))
                .toList();
        assertThat(plainlyRetained).containsExactlyInAnyOrder("AWS::DynamoDB::GlobalTable", "AWS::DynamoDB::GlobalTable",
                "AWS::Cognito::UserPool", "AWS::IAM::Role", "AWS::ApiGateway::Account");
    }
}
