package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Every context knob set at once, on one synthesis. */
class ConfiguredStackTest {

    private static final Synthesized CONFIGURED = Synthesized.with(Map.ofEntries(
            Map.entry("stackName", "InvoiceGroupsDev"),
            Map.entry("destroyable", "true"),
            Map.entry("functionMemoryMb", 2048),
            Map.entry("functionTimeoutSeconds", "15"),
            Map.entry("logRetentionDays", 7),
            Map.entry("throttleRateLimit", 20),
            Map.entry("throttleBurstLimit", "40"),
            Map.entry("corsAllowedOrigins", "https://app.example.com, https://admin.example.com"),
            Map.entry("alarmEmail", "oncall@example.com"),
            Map.entry("serverErrorRateAlarmPercent", 2),
            Map.entry("latencyP99AlarmMillis", 800),
            Map.entry("tenantClaim", "custom:tenant"),
            Map.entry("tenants", List.of("acme", "globex-eu")),
            Map.entry("cognitoDomainPrefix", "invoice-groups-dev-auth")));

    @Test
    void destroyableMakesTheTableAndEveryRetainedResourceDeletable() {
        Map<String, Object> table = CONFIGURED.only("AWS::DynamoDB::GlobalTable");
        assertThat((Object) at(table, "Properties", "Replicas", 0, "DeletionProtectionEnabled")).isEqualTo(false);
        assertThat(table).containsEntry("DeletionPolicy", "Delete");
        Map<String, Object> pool = CONFIGURED.only("AWS::Cognito::UserPool");
        assertThat((Object) at(pool, "Properties", "DeletionProtection")).isEqualTo("INACTIVE");
        for (String type : List.of("AWS::Logs::LogGroup", "AWS::Cognito::UserPool", "AWS::KMS::Key")) {
            assertThat(CONFIGURED.resources(type)).isNotEmpty()
                    .allSatisfy((id, resource) -> assertThat(resource).containsEntry("DeletionPolicy", "Delete"));
        }
        assertThat(CONFIGURED.template().toJSON().toString()).doesNotContain("Retain");
    }

    @Test
    void functionSizeTimeoutAndTenantClaimFollowTheContext() {
        CONFIGURED.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", ListInvoiceGroupsFunction.HANDLER,
                "MemorySize", 2048,
                "Timeout", 15,
                "Environment", Map.of("Variables", Match.objectLike(Map.of("TENANT_CLAIM", "custom:tenant")))));
        CONFIGURED.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", TokenCustomizerFunction.HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of("TENANT_CLAIM", "custom:tenant")))));
        assertThat(CONFIGURED.resources("AWS::Logs::LogGroup")).hasSize(3).allSatisfy((id, group) ->
                assertThat(((Number) at(group, "Properties", "RetentionInDays")).intValue()).isEqualTo(7));
    }

    @Test
    void throttlingFollowsTheContext() {
        CONFIGURED.template().hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40)));
    }

    @Test
    void corsAllowsExactlyTheConfiguredOriginsForGetWithAuthorization() {
        Map<String, Object> cors = at(CONFIGURED.only("AWS::ApiGatewayV2::Api"), "Properties", "CorsConfiguration");
        assertThat((Object) cors.get("AllowOrigins")).isEqualTo(List.of("https://app.example.com", "https://admin.example.com"));
        assertThat((Object) cors.get("AllowMethods")).isEqualTo(List.of("GET"));
        assertThat((Object) cors.get("AllowHeaders")).isEqualTo(List.of("Authorization"));
    }

    @Test
    void alarmsUseTheConfiguredThresholdsAndMailTheConfiguredAddress() {
        CONFIGURED.template().hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", "oncall@example.com"));
        CONFIGURED.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("ExtendedStatistic", "p99", "Threshold", 800));
        CONFIGURED.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Threshold", 2, "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "100 * errors / requests"))))));
    }

    @Test
    void everyTenantGetsItsOwnClientScopeAndOutputAndTheAuthorizerAcceptsThemAll() {
        Map<String, Map<String, Object>> clients = CONFIGURED.resources("AWS::Cognito::UserPoolClient");
        assertThat(clients.values()).extracting(client -> at(client, "Properties", "ClientName"))
                .containsExactlyInAnyOrder("tenant-acme", "tenant-globex-eu");
        CONFIGURED.template().hasResourceProperties("AWS::Cognito::UserPoolResourceServer", Map.of(
                "Identifier", "tenant",
                "Scopes", List.of(Map.of("ScopeName", "acme", "ScopeDescription", Match.anyValue()),
                        Map.of("ScopeName", "globex-eu", "ScopeDescription", Match.anyValue()))));
        assertThat(CONFIGURED.template().findOutputs("*").keySet().stream().filter(id -> id.startsWith("AppClientId")))
                .containsExactlyInAnyOrder("AppClientIdAcme", "AppClientIdGlobexEu");
        List<Object> audience = at(CONFIGURED.only("AWS::ApiGatewayV2::Authorizer"), "Properties", "JwtConfiguration", "Audience");
        assertThat(audience).containsExactlyInAnyOrderElementsOf(clients.keySet().stream().map(id -> (Object) Map.of("Ref", id)).toList());
    }

    @Test
    void theDomainPrefixFollowsTheContextAndTheStackItsName() {
        CONFIGURED.template().hasResourceProperties("AWS::Cognito::UserPoolDomain", Map.of("Domain", "invoice-groups-dev-auth"));
        assertThat(CONFIGURED.stack().getStackName()).isEqualTo("InvoiceGroupsDev");
    }

    @Test
    void theConfiguredStackIsAsCleanAsTheDefaultOne() {
        assertThat(CONFIGURED.unsuppressedNagFindings()).isEmpty();
        assertThat(CONFIGURED.warnings()).isEmpty();
        assertThat(CONFIGURED.errors()).isEmpty();
    }
}
