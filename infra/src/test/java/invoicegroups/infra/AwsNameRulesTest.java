package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One walk over the whole synthesized template: every name, identifier, prefix and description the stack passes to
 * Cognito, API Gateway, Lambda, DynamoDB, SNS, CloudWatch, KMS and IAM against the pattern and length in that
 * service's API reference (cited per rule), so a constant or a setting that breaks a rule fails the build, not the
 * deploy. Each rule must find at least one value, so the test cannot pass by matching nothing.
 */
class AwsNameRulesTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;
    private static final String COGNITO = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/";
    private static final String API_GATEWAY = "https://docs.aws.amazon.com/apigateway/latest/api/";
    private static final String LAMBDA = "https://docs.aws.amazon.com/lambda/latest/api/";
    private static final String DYNAMODB = "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/";
    private static final String CLOUDWATCH = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html";
    private static final String IAM = "https://docs.aws.amazon.com/IAM/latest/APIReference/";
    private static final String ANY = "(?s).*";

    /** A constraint on the values at {@code path} (dot-separated; {@code *} = every list element, {@code #keys} = map keys). */
    record Rule(String type, String path, String pattern, int min, int max, String source) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("AWS::Cognito::UserPoolResourceServer", "Name", "[\\w\\s+=,.@-]+", 1, 256, COGNITO + "API_ResourceServerType.html"),
            new Rule("AWS::Cognito::UserPoolResourceServer", "Identifier", "[\\x21\\x23-\\x5B\\x5D-\\x7E]+", 1, 256, COGNITO + "API_ResourceServerType.html"),
            new Rule("AWS::Cognito::UserPoolResourceServer", "Scopes.*.ScopeName", "[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+", 1, 256, COGNITO + "API_ResourceServerScopeType.html"),
            new Rule("AWS::Cognito::UserPoolResourceServer", "Scopes.*.ScopeDescription", ANY, 1, 256, COGNITO + "API_ResourceServerScopeType.html"),
            new Rule("AWS::Cognito::UserPoolDomain", "Domain", "[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?", 1, 63, COGNITO + "API_CreateUserPoolDomain.html"),
            new Rule("AWS::ApiGateway::Stage", "StageName", "[A-Za-z0-9_-]+", 1, 128, API_GATEWAY + "API_CreateStage.html"),
            new Rule("AWS::ApiGateway::Resource", "PathPart", "[A-Za-z0-9._-]+", 1, 128, API_GATEWAY + "API_CreateResource.html"),
            new Rule("AWS::ApiGateway::Method", "HttpMethod", "GET|OPTIONS", 3, 7, API_GATEWAY + "API_PutMethod.html"),
            new Rule("AWS::ApiGateway::UsagePlan", "UsagePlanName", "[a-z][a-z0-9-]{0,31}", 1, 1024, API_GATEWAY + "API_CreateUsagePlan.html"),
            new Rule("AWS::ApiGateway::UsagePlan", "Description", ANY, 0, 1024, API_GATEWAY + "API_CreateUsagePlan.html"),
            new Rule("AWS::CloudWatch::InsightRule", "RuleName", "[\\x20-\\x7E]+", 1, 128,
                    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutInsightRule.html"),
            new Rule("AWS::CloudWatch::InsightRule", "RuleBody", ANY, 1, 8192,
                    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutInsightRule.html"),
            new Rule("AWS::ApiGateway::RestApi", "Name", "\\S.*", 1, 1024, API_GATEWAY + "API_CreateRestApi.html"),
            new Rule("AWS::ApiGateway::Authorizer", "Name", "\\S.*", 1, 1024, API_GATEWAY + "API_CreateAuthorizer.html"),
            new Rule("AWS::Lambda::Function", "Description", ANY, 0, 256, LAMBDA + "API_CreateFunction.html"),
            new Rule("AWS::Lambda::Function", "Handler", "[^\\s]+", 1, 128, LAMBDA + "API_CreateFunction.html"),
            new Rule("AWS::Lambda::Function", "Environment.Variables.#keys", "[a-zA-Z]([a-zA-Z0-9_])+", 2, 4096, LAMBDA + "API_Environment.html"),
            new Rule("AWS::Lambda::Alias", "Name", "(?!^[0-9]+$)([a-zA-Z0-9-_]+)", 1, 128, LAMBDA + "API_CreateAlias.html"),
            new Rule("AWS::Lambda::Alias", "Description", ANY, 0, 256, LAMBDA + "API_CreateAlias.html"),
            new Rule("AWS::DynamoDB::GlobalTable", "AttributeDefinitions.*.AttributeName", ANY, 1, 255, DYNAMODB + "API_AttributeDefinition.html"),
            new Rule("AWS::DynamoDB::GlobalTable", "GlobalSecondaryIndexes.*.IndexName", "[a-zA-Z0-9_.-]+", 3, 255, DYNAMODB + "API_GlobalSecondaryIndex.html"),
            new Rule("AWS::SNS::Topic", "DisplayName", ANY, 1, 100, "https://docs.aws.amazon.com/sns/latest/api/API_SetTopicAttributes.html"),
            new Rule("AWS::CloudWatch::Alarm", "AlarmDescription", ANY, 0, 1024, CLOUDWATCH),
            new Rule("AWS::CloudWatch::Alarm", "Namespace", "[^:].*", 1, 255, CLOUDWATCH),
            new Rule("AWS::CloudWatch::Alarm", "MetricName", ANY, 1, 255, CLOUDWATCH),
            new Rule("AWS::CloudWatch::Alarm", "Dimensions.*.Name", ANY, 1, 255, CLOUDWATCH),
            new Rule("AWS::CloudWatch::Alarm", "Metrics.*.Id", "[a-z][a-zA-Z0-9_]*", 1, 255, CLOUDWATCH),
            new Rule("AWS::CloudWatch::Alarm", "Metrics.*.MetricStat.Metric.Namespace", "[^:].*", 1, 255, CLOUDWATCH),
            new Rule("AWS::CloudWatch::Alarm", "Metrics.*.MetricStat.Metric.MetricName", ANY, 1, 255, CLOUDWATCH),
            new Rule("AWS::CloudWatch::Alarm", "Metrics.*.MetricStat.Metric.Dimensions.*.Name", ANY, 1, 255, CLOUDWATCH),
            new Rule("AWS::KMS::Key", "Description", ANY, 0, 8192, "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html"),
            new Rule("AWS::IAM::Role", "Description", "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*", 0, 1000, IAM + "API_CreateRole.html"),
            new Rule("AWS::IAM::ManagedPolicy", "Description", "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*", 0, 1000, IAM + "API_CreatePolicy.html"),
            // Sid in IAM policies: ASCII letters and digits only (IAM JSON policy reference, "Sid").
            new Rule("AWS::IAM::Policy", "PolicyDocument.Statement.*.Sid", "[0-9A-Za-z]*", 0, 1000,
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html"),
            new Rule("AWS::IAM::ManagedPolicy", "PolicyDocument.Statement.*.Sid", "[0-9A-Za-z]*", 0, 1000,
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html"));

    @Test
    void everyNameIdentifierPrefixAndDescriptionMeetsItsServicesRule() {
        List<String> violations = new ArrayList<>();
        for (Rule rule : RULES) {
            List<String> values = valuesOf(DEFAULTS, rule);
            assertThat(values).as("values for " + rule.type() + " " + rule.path()).isNotEmpty();
            Pattern pattern = Pattern.compile(rule.pattern());
            for (String value : values) {
                if (!pattern.matcher(value).matches() || value.length() < rule.min() || value.length() > rule.max()) {
                    violations.add(rule.type() + " " + rule.path() + " = '" + value + "' breaks " + rule.pattern()
                            + " {" + rule.min() + "," + rule.max() + "} (" + rule.source() + ")");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Resource types whose properties carry no name, identifier, prefix or description the stack chooses. */
    static final List<String> TYPES_WITHOUT_CHOSEN_NAMES = List.of(
            "AWS::Cognito::UserPool", "AWS::Lambda::Version", "AWS::Lambda::Permission", "AWS::Logs::LogGroup",
            "AWS::SNS::TopicPolicy", "AWS::ApiGateway::Account", "AWS::ApiGateway::GatewayResponse",
            "AWS::ApiGateway::Deployment", "AWS::CodeDeploy::Application", "AWS::CodeDeploy::DeploymentGroup",
            // CloudFormation names the dashboard; its body is checked widget by widget in DashboardTest.
            "AWS::CloudWatch::Dashboard");

    @Test
    void everyResourceTypeInTheTemplateIsEitherWalkedOrKnownToCarryNoChosenName() {
        Map<String, Map<String, Object>> resources = Synthesized.at(DEFAULTS.template().toJSON(), "Resources");
        List<String> walked = RULES.stream().map(Rule::type).distinct().toList();
        assertThat(resources.values().stream().map(resource -> (String) resource.get("Type")).distinct())
                .allSatisfy(type -> assertThat(walked.contains(type) || TYPES_WITHOUT_CHOSEN_NAMES.contains(type))
                        .as(type + " needs a name rule or a place in TYPES_WITHOUT_CHOSEN_NAMES").isTrue());
    }

    @Test
    void theWalkCatchesTheResourceServerNameThatFailedTheFirstDeploy() {
        Rule name = RULES.get(0);
        assertThat(Pattern.compile(name.pattern()).matcher("Tenants (each scope binds an app client to one tenant)").matches()).isFalse();
        assertThat(Pattern.compile(name.pattern()).matcher(TenantUserPool.API_RESOURCE_SERVER_NAME).matches()).isTrue();
    }

    static List<String> valuesOf(Synthesized synthesized, Rule rule) {
        List<String> values = new ArrayList<>();
        synthesized.resources(rule.type()).values().forEach(resource ->
                collect(resource.get("Properties"), rule.path().split("\\."), 0, values));
        return values;
    }

    private static void collect(Object node, String[] path, int step, List<String> values) {
        if (node == null) {
            return;
        }
        if (step == path.length) {
            values.add(resolve(node));
            return;
        }
        String part = path[step];
        if ("*".equals(part) && node instanceof List<?> list) {
            list.forEach(element -> collect(element, path, step + 1, values));
        } else if ("#keys".equals(part) && node instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> values.add(String.valueOf(key)));
        } else if (node instanceof Map<?, ?> map) {
            collect(map.get(part), path, step + 1, values);
        }
    }

    /** Literal strings as they are; pseudo parameters as a real deploy fills them; other references as a stand-in name. */
    @SuppressWarnings("unchecked")
    private static String resolve(Object value) {
        if (value instanceof Map<?, ?> map && map.containsKey("Ref")) {
            return switch (String.valueOf(map.get("Ref"))) {
                case "AWS::AccountId" -> "123456789012";
                case "AWS::Region" -> "ap-southeast-2";
                case "AWS::Partition" -> "aws";
                case "AWS::URLSuffix" -> "amazonaws.com";
                default -> "resolvedname";
            };
        }
        if (value instanceof Map<?, ?> map && map.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) map.get("Fn::Join");
            return String.join(String.valueOf(join.get(0)),
                    ((List<Object>) join.get(1)).stream().map(AwsNameRulesTest::resolve).toList());
        }
        if (value instanceof Map<?, ?>) {
            return "resolvedname";
        }
        return String.valueOf(value);
    }
}
