package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Who is calling: Contributor Insights rules over the trigger's and the API's JSON logs, and the storm alarm on one. */
class CallerInsightsTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    private static Map<String, Object> rule(Synthesized synthesized, String name) {
        return synthesized.resources("AWS::CloudWatch::InsightRule").values().stream()
                .map(rule -> Synthesized.<Map<String, Object>>at(rule, "Properties"))
                .filter(properties -> name.equals(properties.get("RuleName")))
                .findFirst().orElseThrow(() -> new AssertionError("no rule " + name));
    }

    /** The rule body with its one log group reference written as {@code <Ref X>}, parsed. */
    private static Map<String, Object> body(Map<String, Object> rule) throws JsonProcessingException {
        List<Object> parts = at(rule, "RuleBody", "Fn::Join", 1);
        StringBuilder json = new StringBuilder();
        parts.forEach(part -> json.append(part instanceof String text ? text : "<Ref " + at(part, "Ref") + ">"));
        return new ObjectMapper().readValue(json.toString(), Map.class);
    }

    private static String triggerLogGroup() {
        return at(DEFAULTS.resources("AWS::Lambda::Function").get(TokensTest.triggerId()), "Properties", "LoggingConfig", "LogGroup", "Ref");
    }

    private static String accessLogGroup() {
        return at(DEFAULTS.only("AWS::ApiGateway::Stage"), "Properties", "AccessLogSetting", "DestinationArn", "Fn::GetAtt", 0);
    }

    @Test
    void tokenRequestsAreCountedPerAppClientFromTheTriggersOneLinePerTokenRequest() throws JsonProcessingException {
        Map<String, Object> rule = rule(DEFAULTS, "InvoiceGroups-TokenRequestsByClient");
        assertThat(rule).containsEntry("RuleState", "ENABLED");
        assertThat(body(rule)).isEqualTo(Map.of(
                "Schema", Map.of("Name", "CloudWatchLogRule", "Version", 1),
                "LogGroupNames", List.of("<Ref " + triggerLogGroup() + ">"),
                "LogFormat", "JSON",
                "Contribution", Map.of("Keys", List.of("$.clientId"),
                        "Filters", List.of(Map.of("Match", "$.message", "In", List.of("token request")))),
                "AggregateOn", "Count"));
    }

    @Test
    void requestsAndTooManyRequestsAreCountedPerTenantFromTheAccessLogs() throws JsonProcessingException {
        String accessLogs = "<Ref " + accessLogGroup() + ">";
        assertThat(body(rule(DEFAULTS, "InvoiceGroups-RequestsByTenant"))).isEqualTo(Map.of(
                "Schema", Map.of("Name", "CloudWatchLogRule", "Version", 1),
                "LogGroupNames", List.of(accessLogs),
                "LogFormat", "JSON",
                "Contribution", Map.of("Keys", List.of("$.tenant")),
                "AggregateOn", "Count"));
        assertThat(body(rule(DEFAULTS, "InvoiceGroups-ThrottledByTenant"))).isEqualTo(Map.of(
                "Schema", Map.of("Name", "CloudWatchLogRule", "Version", 1),
                "LogGroupNames", List.of(accessLogs),
                "LogFormat", "JSON",
                "Contribution", Map.of("Keys", List.of("$.tenant", "$.responseType"),
                        "Filters", List.of(Map.of("Match", "$.status", "In", List.of("429")))),
                "AggregateOn", "Count"));
        // The fields the rules read are the access log's.
        String format = at(DEFAULTS.only("AWS::ApiGateway::Stage"), "Properties", "AccessLogSetting", "Format");
        assertThat(format).contains("\"tenant\":", "\"status\":\"$context.status\"", "\"responseType\":");
        DEFAULTS.template().resourceCountIs("AWS::CloudWatch::InsightRule", 3);
    }

    @Test
    void ruleNamesStartWithTheStackNameSoTwoStacksNeverCollide() {
        Synthesized dev = DocumentedConfigurations.named("every setting").synthesized();
        assertThat(dev.resources("AWS::CloudWatch::InsightRule").values())
                .extracting(rule -> (String) at(rule, "Properties", "RuleName"))
                .containsExactlyInAnyOrder("InvoiceGroupsDev-TokenRequestsByClient", "InvoiceGroupsDev-RequestsByTenant",
                        "InvoiceGroupsDev-ThrottledByTenant");
        assertThat(Settings.DEFAULT_STACK_NAME.length()).isLessThanOrEqualTo(CallerInsights.MAX_STACK_NAME_LENGTH);
    }

    /** One client asking for a token every 6 s (a token per call) for 10 minutes pages; one fleet restart does not. */
    @Test
    void theStormAlarmWatchesTheTopAppClientsTokenRequestsOverTwoFiveMinutePeriods() {
        String ruleId = DEFAULTS.resources("AWS::CloudWatch::InsightRule").entrySet().stream()
                .filter(entry -> "InvoiceGroups-TokenRequestsByClient".equals(at(entry.getValue(), "Properties", "RuleName")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String topicId = DEFAULTS.resources("AWS::SNS::Topic").keySet().iterator().next();
        DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Metrics", List.of(Match.objectLike(Map.of(
                        "Expression", Map.of("Fn::Join", List.of("", List.of("INSIGHT_RULE_METRIC('",
                                Map.of("Fn::GetAtt", List.of(ruleId, "RuleName")), "', 'MaxContributorValue')"))),
                        "Period", 300))),
                "Threshold", Settings.DEFAULT_TOKEN_REQUEST_STORM_THRESHOLD,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "EvaluationPeriods", 2,
                "AlarmActions", List.of(Map.of("Ref", topicId)),
                "AlarmDescription", Match.stringLikeRegexp("One app client asked Cognito for 50 or more tokens.*")));
        // A token every 6 s is 50 in 5 minutes: such a client reaches the threshold, one that caches its token never does.
        assertThat(5 * 60 / 6).isEqualTo(Settings.DEFAULT_TOKEN_REQUEST_STORM_THRESHOLD);
    }
}
