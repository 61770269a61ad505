package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class ListFunctionTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    private static Map<String, Object> listFunction() {
        return DEFAULTS.resources("AWS::Lambda::Function").values().stream()
                .filter(function -> ListInvoiceGroupsFunction.HANDLER.equals(at(function, "Properties", "Handler")))
                .findFirst().orElseThrow();
    }

    static String listFunctionId() {
        return DEFAULTS.logicalId("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", ListInvoiceGroupsFunction.HANDLER)));
    }

    static String listAliasId() {
        return DEFAULTS.logicalId("AWS::Lambda::Alias", Match.objectLike(Map.of("FunctionName", Map.of("Ref", listFunctionId()))));
    }

    @Test
    void runsTheFunctionJarOnTheNewestJavaRuntimeOnArm() {
        DEFAULTS.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "invoicegroups.boundary.ListInvoiceGroupsHandler::handleRequest",
                "Runtime", "java25",
                "Architectures", List.of("arm64")));
        assertThat(DEFAULTS.stack().getNode().tryFindChild("ListInvoiceGroups")).isNotNull();
        String contentHash = Artifacts.contentHash(Artifacts.existing(Artifacts.FUNCTION_JAR));
        assertThat((Object) at(listFunction(), "Properties", "Code", "S3Key")).isEqualTo(Synthesized.assetKey(contentHash));
    }

    @Test
    void memoryAndTimeoutAreTheNamedDefaultsWithTimeoutAboveTheDynamoDbBudget() {
        DEFAULTS.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", ListInvoiceGroupsFunction.HANDLER,
                "MemorySize", Settings.DEFAULT_FUNCTION_MEMORY_MB,
                "Timeout", Settings.DEFAULT_FUNCTION_TIMEOUT_SECONDS));
        assertThat(Settings.DEFAULT_FUNCTION_TIMEOUT_SECONDS).isGreaterThan(3);
    }

    @Test
    void snapStartAppliesToPublishedVersions() {
        assertThat((Object) at(listFunction(), "Properties", "SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
    }

    @Test
    void theAliasPointsAtAPublishedVersionNotLatest() {
        String versionId = DEFAULTS.logicalId("AWS::Lambda::Version",
                Match.objectLike(Map.of("FunctionName", Map.of("Ref", listFunctionId()))));
        DEFAULTS.template().hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", SnapStartFunction.ALIAS_NAME,
                "FunctionName", Map.of("Ref", listFunctionId()),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version"))));
    }

    @Test
    void environmentNamesTheTableAndNothingElseTheTenantComesFromTheAuthorizer() {
        Map<String, Object> variables = at(listFunction(), "Properties", "Environment", "Variables");
        String tableId = DEFAULTS.logicalId("AWS::DynamoDB::GlobalTable", TableTest.invoiceGroupsTable().get("Properties"));
        assertThat(variables).containsOnly(Map.entry("TABLE_NAME", Map.of("Ref", tableId)));
    }

    @Test
    void logsAsJsonToItsOwnLogGroupWithBoundedRetention() {
        Map<String, Object> logging = at(listFunction(), "Properties", "LoggingConfig");
        assertThat(logging).containsEntry("LogFormat", "JSON");
        String logGroupId = at(logging, "LogGroup", "Ref");
        Map<String, Object> logGroup = DEFAULTS.resources("AWS::Logs::LogGroup").get(logGroupId);
        assertThat(((Number) at(logGroup, "Properties", "RetentionInDays")).intValue()).isEqualTo(Settings.DEFAULT_LOG_RETENTION_DAYS);
    }

    /** By default the list function draws on the account's unreserved concurrency, which the reservations leave. */
    @Test
    void reservesNoConcurrencyUnlessConfigured() {
        assertThat((Map<String, Object>) at(listFunction(), "Properties")).doesNotContainKey("ReservedConcurrentExecutions");
        assertThat(Settings.DEFAULT_LIST_FUNCTION_RESERVED_CONCURRENCY).isZero();
    }

    @Test
    void tracesActivelyWithXRay() {
        assertThat((Object) at(listFunction(), "Properties", "TracingConfig")).isEqualTo(Map.of("Mode", "Active"));
    }
}
