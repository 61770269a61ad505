package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import invoicegroups.table.FunctionMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.TextWidget;

/** The on-call dashboard: each widget README's "Operate it" section promises, and room for more. */
class DashboardTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    /**
     * The dashboard body with each CloudFormation reference written as {@code <Ref X>} or {@code <GetAtt X.Attr>}
     * (they all sit inside JSON strings), parsed.
     */
    static Map<String, Object> body(Map<String, Object> dashboard) {
        Object dashboardBody = at(dashboard, "Properties", "DashboardBody");
        List<Object> parts = dashboardBody instanceof String text ? List.of(text) : at(dashboardBody, "Fn::Join", 1);
        String json = parts.stream().map(part -> part instanceof String text ? text : reference(part)).collect(Collectors.joining());
        try {
            return new ObjectMapper().readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new AssertionError("the dashboard body is not JSON: " + json, e);
        }
    }

    private static String reference(Object intrinsic) {
        Object ref = at(intrinsic, "Ref");
        if (ref != null) {
            return "<Ref " + ref + ">";
        }
        List<Object> getAtt = at(intrinsic, "Fn::GetAtt");
        return "<GetAtt " + getAtt.get(0) + "." + getAtt.get(1) + ">";
    }

    private static List<Map<String, Object>> widgets() {
        return at(body(DEFAULTS.only("AWS::CloudWatch::Dashboard")), "widgets");
    }

    /** Every graphed metric as "namespace metric dimension=value ... stat". */
    private static List<String> graphedMetrics() {
        List<String> graphed = new ArrayList<>();
        for (Map<String, Object> widget : widgets()) {
            List<List<Object>> metrics = at(widget, "properties", "metrics");
            for (List<Object> metric : metrics == null ? List.<List<Object>>of() : metrics) {
                Map<String, Object> options = (Map<String, Object>) metric.get(metric.size() - 1);
                if (options.containsKey("expression")) {
                    graphed.add("expression " + options.get("expression"));
                    continue;
                }
                StringBuilder line = new StringBuilder(metric.get(0) + " " + metric.get(1));
                for (int i = 2; i + 1 < metric.size(); i += 2) {
                    line.append(' ').append(metric.get(i)).append('=').append(metric.get(i + 1));
                }
                graphed.add(line.append(' ').append(options.get("stat")).toString());
            }
        }
        return graphed;
    }

    private static String logGroupOf(String handler) {
        String functionId = DEFAULTS.logicalId("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", handler)));
        return at(DEFAULTS.resources("AWS::Lambda::Function").get(functionId), "Properties", "LoggingConfig", "LogGroup", "Ref");
    }

    private static String accessLogGroup() {
        return at(DEFAULTS.only("AWS::ApiGateway::Stage"), "Properties", "AccessLogSetting", "DestinationArn", "Fn::GetAtt", 0);
    }

    @Test
    void theDashboardUrlOpensItInTheStacksRegion() {
        String dashboardId = DEFAULTS.resources("AWS::CloudWatch::Dashboard").keySet().iterator().next();
        DEFAULTS.template().hasOutput("DashboardUrl", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "https://", Map.of("Ref", "AWS::Region"), ".console.aws.amazon.com/cloudwatch/home?region=",
                Map.of("Ref", "AWS::Region"), "#dashboards/dashboard/", Map.of("Ref", dashboardId))))));
        assertThat((Map<String, Object>) at(DEFAULTS.only("AWS::CloudWatch::Dashboard"), "Properties")).doesNotContainKey("DashboardName");
    }

    @Test
    void theSectionsComeInTheOrderAnOnCallEngineerReadsThem() {
        List<String> titles = widgets().stream().filter(widget -> "text".equals(widget.get("type")))
                .map(widget -> (String) at(widget, "properties", "markdown")).toList();
        assertThat(titles).containsExactly("## API: requests and answers (stage v1)",
                "## Who is calling: tenants by requests and by 429 (Contributor Insights over the access logs)",
                "## List function", "## Lambda authorizer (runs when API Gateway has no cached decision for a token)",
                "## Cold starts: init without SnapStart, restore with it (REPORT records)", "## DynamoDB",
                "## Tokens: Cognito's pre-token-generation trigger", "## Alarms");
        assertThat(DEFAULTS.stack().dashboard.sections()).hasSize(titles.size());
    }

    @Test
    void requestsAnswersAndLatencyAtTheGatewayAndInTheFunction() {
        String stage = "ApiName=InvoiceGroups Stage=<Ref " + DEFAULTS.resources("AWS::ApiGateway::Stage").keySet().iterator().next() + ">";
        String list = "FunctionName=<Ref " + ListFunctionTest.listFunctionId() + ">";
        assertThat(graphedMetrics()).contains(
                "AWS/ApiGateway Count " + stage + " Sum",
                "AWS/ApiGateway 4XXError " + stage + " Sum",
                "AWS/ApiGateway 5XXError " + stage + " Sum",
                "AWS/ApiGateway Latency " + stage + " p50",
                "AWS/ApiGateway Latency " + stage + " p99",
                "AWS/ApiGateway IntegrationLatency " + stage + " p99",
                "AWS/Lambda Duration " + list + " p50",
                "AWS/Lambda Duration " + list + " p99",
                "AWS/Lambda Errors " + list + " Sum",
                "AWS/Lambda Throttles " + list + " Sum",
                "AWS/Lambda ConcurrentExecutions " + list + " Maximum",
                FunctionMetrics.NAMESPACE + " " + FunctionMetrics.SERVER_ERROR_RESPONSES + " " + list + " Sum",
                FunctionMetrics.NAMESPACE + " " + FunctionMetrics.INVALID_STORED_ITEMS + " " + list + " Sum");
        assertThat(graphedMetrics()).anySatisfy(metric -> assertThat(metric).startsWith("expression SEARCH(")
                .contains("ExecutedVersion", "MetricName=\"Invocations\"", "FunctionName=\"<Ref " + ListFunctionTest.listFunctionId() + ">\""));
    }

    @Test
    void answersByStatusAndGatewayResponseTypeComeFromTheAccessLogs() {
        assertThat(widgets()).anySatisfy(widget -> assertThat((String) at(widget, "properties", "query"))
                .startsWith("SOURCE '<Ref " + accessLogGroup() + ">'")
                .contains("stats count(*) as answers by status, responseType"));
    }

    @Test
    void initAndRestoreDurationsOfBothFunctionsComeFromTheirReportRecords() {
        for (String handler : List.of(ListInvoiceGroupsFunction.HANDLER, TokenCustomizerFunction.HANDLER, AuthorizerFunction.HANDLER)) {
            assertThat(widgets()).as(handler).anySatisfy(widget -> assertThat((String) at(widget, "properties", "query"))
                    .startsWith("SOURCE '<Ref " + logGroupOf(handler) + ">'")
                    .contains("type = \"platform.report\"", "record.metrics.initDurationMs", "record.metrics.restoreDurationMs"));
        }
    }

    @Test
    void bothTablesConsumedCapacityAndThrottlesAndTheTokenTriggersInvocationsAndErrors() {
        String trigger = "FunctionName=<Ref " + TokensTest.triggerId() + ">";
        List<String> expected = new ArrayList<>(List.of(
                "AWS/Lambda Invocations " + trigger + " Sum",
                "AWS/Lambda Errors " + trigger + " Sum",
                "AWS/Lambda Duration " + trigger + " p99"));
        for (String table : DEFAULTS.resources("AWS::DynamoDB::GlobalTable").keySet()) {
            for (String metric : List.of("ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits", "ReadThrottleEvents", "WriteThrottleEvents")) {
                expected.add("AWS/DynamoDB " + metric + " TableName=<Ref " + table + "> Sum");
            }
        }
        assertThat(graphedMetrics()).containsAll(expected);
    }

    /** Contributor Insights widgets as the console writes them: the rule's top 10 contributors, in the stack's region. */
    private static List<String> insightRuleWidgets() {
        return widgets().stream().filter(widget -> at(widget, "properties", "insightRule") != null)
                .map(widget -> {
                    assertThat(widget).containsEntry("type", "metric");
                    assertThat((Object) at(widget, "properties", "region")).isEqualTo("<Ref AWS::Region>");
                    assertThat((Object) at(widget, "properties", "insightRule", "maxContributorCount")).isEqualTo(10);
                    return (String) at(widget, "properties", "insightRule", "ruleName");
                }).toList();
    }

    @Test
    void topTenantsByRequestsAndBy429AndTopAppClientsByTokenRequestsComeFromTheInsightRules() {
        List<String> expected = DEFAULTS.resources("AWS::CloudWatch::InsightRule").keySet().stream()
                .map(id -> "<GetAtt " + id + ".RuleName>").toList();
        assertThat(insightRuleWidgets()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(graphedMetrics()).anySatisfy(metric -> assertThat(metric)
                .startsWith("expression INSIGHT_RULE_METRIC('<GetAtt CallersThrottledByTenant").endsWith("', 'UniqueContributors')"));
        assertThat(graphedMetrics()).anySatisfy(metric -> assertThat(metric)
                .startsWith("expression INSIGHT_RULE_METRIC('<GetAtt CallersTokenRequestsByClient").endsWith("', 'MaxContributorValue')"));
        // Throttling per plan and kind (THROTTLED: rate or burst; QUOTA_EXCEEDED: the month's quota).
        assertThat(widgets()).anySatisfy(widget -> assertThat((String) at(widget, "properties", "query"))
                .startsWith("SOURCE '<Ref " + accessLogGroup() + ">'")
                .contains("filter status = \"429\"", "stats count(*) as answers by plan, responseType"));
    }

    @Test
    void theAuthorizersInvocationsErrorsDurationThrottlesAndConcurrency() {
        String authorizer = "FunctionName=<Ref " + AuthorizerTest.authorizerId() + ">";
        assertThat(graphedMetrics()).contains(
                "AWS/Lambda Invocations " + authorizer + " Sum",
                "AWS/Lambda Errors " + authorizer + " Sum",
                "AWS/Lambda Throttles " + authorizer + " Sum",
                "AWS/Lambda Duration " + authorizer + " p50",
                "AWS/Lambda Duration " + authorizer + " p99",
                "AWS/Lambda ConcurrentExecutions " + authorizer + " Maximum",
                "AWS/Lambda ConcurrentExecutions FunctionName=<Ref " + TokensTest.triggerId() + "> Maximum",
                "AWS/Lambda Throttles FunctionName=<Ref " + TokensTest.triggerId() + "> Sum");
    }

    @Test
    void theAlarmWidgetShowsEveryAlarmOfTheStack() {
        Map<String, Object> alarmWidget = widgets().stream().filter(widget -> "alarm".equals(widget.get("type"))).findFirst().orElseThrow();
        assertThat((List<Object>) at(alarmWidget, "properties", "alarms")).containsExactlyInAnyOrderElementsOf(
                DEFAULTS.resources("AWS::CloudWatch::Alarm").keySet().stream().map(id -> (Object) ("<GetAtt " + id + ".Arn>")).toList());
    }

    @Test
    void theStacksLogGroupsAreOutputs() {
        DEFAULTS.template().hasOutput("ListFunctionLogGroupName",
                Map.of("Value", Map.of("Ref", logGroupOf(ListInvoiceGroupsFunction.HANDLER))));
        DEFAULTS.template().hasOutput("TokenTriggerLogGroupName",
                Map.of("Value", Map.of("Ref", logGroupOf(TokenCustomizerFunction.HANDLER))));
        DEFAULTS.template().hasOutput("ApiAccessLogGroupName", Map.of("Value", Map.of("Ref", accessLogGroup())));
        DEFAULTS.template().hasOutput("AuthorizerLogGroupName",
                Map.of("Value", Map.of("Ref", logGroupOf(AuthorizerFunction.HANDLER))));
        assertThat(DEFAULTS.resources("AWS::Logs::LogGroup")).hasSize(4);
    }

    /** Another construct adds its own section later; widgets wrap at the row's 24 units. */
    @Test
    void anotherConstructAddsItsSectionBelowTheOthers() {
        Stack stack = new Stack(new App(), "Bare");
        OperationsDashboard dashboard = new OperationsDashboard(stack, "Operations");
        dashboard.addSection("First", text("a", 24));
        dashboard.addSection("Authorizer", text("b", 12), text("c", 12), text("d", 12));
        Map<String, Object> dashboardResource = Template.fromStack(stack).findResources("AWS::CloudWatch::Dashboard").values().iterator().next();
        List<Map<String, Object>> widgets = at(body(dashboardResource), "widgets");
        assertThat(widgets).extracting(widget -> at(widget, "properties", "markdown") + "@" + widget.get("x") + "," + widget.get("y"))
                .containsExactly("## First@0,0", "a@0,1", "## Authorizer@0,3", "b@0,4", "c@12,4", "d@0,6");
        assertThat(dashboard.sections()).containsExactly("First", "Authorizer");
    }

    private static TextWidget text(String markdown, int width) {
        return TextWidget.Builder.create().markdown(markdown).width(width).height(2).build();
    }
}
