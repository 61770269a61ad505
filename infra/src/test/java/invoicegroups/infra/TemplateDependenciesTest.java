package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dependency walk on hand-written templates: every way a template can order two resources. */
class TemplateDependenciesTest {

    private static Map<String, Object> template(Map<String, Object> resources) {
        return Map.of("Parameters", Map.of("Stage", Map.of("Type", "String")), "Resources", resources);
    }

    private static Map<String, Object> resource(Map<String, Object> sections) {
        return sections;
    }

    private static List<String> targetsOf(Map<String, Object> template, String resource) {
        return TemplateDependencies.of(template).edgesFrom(resource).stream().map(TemplateDependencies.Edge::to).toList();
    }

    @Test
    void refGetAttInBothFormsAndDependsOnAsStringOrListOrderResources() {
        Map<String, Object> template = template(Map.of(
                "A", resource(Map.of("Properties", Map.of(
                        "One", Map.of("Ref", "B"),
                        "Two", Map.of("Fn::GetAtt", List.of("C", "Arn")),
                        "Three", List.of(Map.of("Fn::GetAtt", "D.Arn"))))),
                "E", resource(Map.of("DependsOn", "A")),
                "F", resource(Map.of("DependsOn", List.of("A", "E"))),
                "B", Map.of(), "C", Map.of(), "D", Map.of()));
        assertThat(targetsOf(template, "A")).containsExactlyInAnyOrder("B", "C", "D");
        assertThat(targetsOf(template, "E")).containsExactly("A");
        assertThat(targetsOf(template, "F")).containsExactlyInAnyOrder("A", "E");
    }

    @Test
    void subVariablesNameResourcesAndAttributesButNotLiteralsLocalVariablesOrPseudoParameters() {
        Map<String, Object> template = template(Map.of(
                "A", resource(Map.of("Properties", Map.of(
                        "Plain", Map.of("Fn::Sub", "arn:${AWS::Partition}:x:${B}:${C.Arn}/${!D}/${Stage}"),
                        "WithVariables", Map.of("Fn::Sub", List.of("${Local}-${E}", Map.of("Local", Map.of("Ref", "F"))))))),
                "B", Map.of(), "C", Map.of(), "D", Map.of(), "E", Map.of(), "F", Map.of(), "Local", Map.of()));
        assertThat(targetsOf(template, "A")).containsExactlyInAnyOrder("B", "C", "E", "F");
    }

    @Test
    void updateAndCreationPoliciesOrderResourcesToo() {
        Map<String, Object> template = template(Map.of(
                "Alias", resource(Map.of("UpdatePolicy", Map.of("CodeDeployLambdaAliasUpdate", Map.of(
                        "DeploymentGroupName", Map.of("Ref", "Group"))))),
                "Instance", resource(Map.of("CreationPolicy", Map.of("Signal", Map.of("Count", Map.of("Ref", "Count"))))),
                "Group", Map.of(), "Count", Map.of()));
        assertThat(targetsOf(template, "Alias")).containsExactly("Group");
        assertThat(targetsOf(template, "Instance")).containsExactly("Count");
    }

    @Test
    void aCycleIsNamedEdgeByEdgeAndAnAcyclicTemplateHasNone() {
        Map<String, Object> cyclic = template(Map.of(
                "Alias", resource(Map.of("UpdatePolicy", Map.of("CodeDeployLambdaAliasUpdate", Map.of(
                        "DeploymentGroupName", Map.of("Ref", "Group"))))),
                "Group", resource(Map.of("Properties", Map.of("Alarms", List.of(Map.of("Name", Map.of("Ref", "Alarm")))))),
                "Alarm", resource(Map.of("Properties", Map.of("Dimensions", List.of(Map.of("Value", Map.of("Ref", "Alias")))))),
                "Unrelated", resource(Map.of("DependsOn", "Alarm"))));
        List<List<TemplateDependencies.Edge>> cycles = TemplateDependencies.of(cyclic).cycles();
        assertThat(cycles).hasSize(1);
        assertThat(TemplateDependencies.describe(cycles)).isEqualTo(
                "Alarm -[Properties.Dimensions.0.Value Ref]-> Alias"
                        + " -[UpdatePolicy.CodeDeployLambdaAliasUpdate.DeploymentGroupName Ref]-> Group"
                        + " -[Properties.Alarms.0.Name Ref]-> Alarm");

        Map<String, Object> selfReferencing = template(Map.of("A", resource(Map.of("DependsOn", "A"))));
        assertThat(TemplateDependencies.describe(TemplateDependencies.of(selfReferencing).cycles())).isEqualTo("A -[DependsOn]-> A");

        Map<String, Object> acyclic = template(Map.of(
                "A", resource(Map.of("DependsOn", List.of("B", "C"))),
                "B", resource(Map.of("DependsOn", "C")),
                "C", Map.of()));
        assertThat(TemplateDependencies.of(acyclic).cycles()).isEmpty();
    }
}
