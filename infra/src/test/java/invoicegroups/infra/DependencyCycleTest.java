package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * CloudFormation refuses a template with a circular dependency before it creates anything; this checks every
 * documented configuration for one, with or without cfn-lint installed.
 */
class DependencyCycleTest {

    static final List<DocumentedConfigurations.Configuration> CONFIGURATIONS = DocumentedConfigurations.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONFIGURATIONS")
    void cloudFormationCanOrderEveryResource(DocumentedConfigurations.Configuration configuration) {
        List<List<TemplateDependencies.Edge>> cycles =
                TemplateDependencies.of(configuration.synthesized().template().toJSON()).cycles();
        assertThat(TemplateDependencies.describe(cycles)).as("circular dependencies in the %s template", configuration).isEmpty();
    }
}
