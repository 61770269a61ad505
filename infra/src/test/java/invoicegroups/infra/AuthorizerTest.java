package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The REST API's Lambda TOKEN authorizer: the authorizer jar, published behind its live alias, on the pool and registry. */
class AuthorizerTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    static String authorizerId() {
        return DEFAULTS.logicalId("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", AuthorizerFunction.HANDLER)));
    }

    static String authorizerAliasId() {
        return DEFAULTS.logicalId("AWS::Lambda::Alias", Match.objectLike(Map.of("FunctionName", Map.of("Ref", authorizerId()))));
    }

    private static Map<String, Object> authorizer() {
        return at(DEFAULTS.resources("AWS::Lambda::Function").get(authorizerId()), "Properties");
    }

    @Test
    void theAuthorizerJarRunsAsAPublishedSnapStartVersionOnJava25ArmBehindItsLiveAlias() {
        assertThat(authorizer()).containsEntry("Handler", "invoicegroups.authorizer.TokenAuthorizer::handleRequest")
                .containsEntry("Runtime", "java25")
                .containsEntry("Architectures", List.of("arm64"))
                .containsEntry("MemorySize", 512)
                .containsEntry("Timeout", 8)
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                .containsEntry("ReservedConcurrentExecutions", Settings.DEFAULT_AUTHORIZER_RESERVED_CONCURRENCY);
        String versionId = DEFAULTS.logicalId("AWS::Lambda::Version",
                Match.objectLike(Map.of("FunctionName", Map.of("Ref", authorizerId()))));
        DEFAULTS.template().hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", SnapStartFunction.ALIAS_NAME,
                "FunctionName", Map.of("Ref", authorizerId()),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version"))));
        String contentHash = Artifacts.contentHash(Artifacts.existing(Artifacts.AUTHORIZER_JAR));
        assertThat((Object) at(authorizer(), "Code", "S3Key")).isEqualTo(Synthesized.assetKey(contentHash));
        assertThat((Object) at(authorizer(), "LoggingConfig", "LogFormat")).isEqualTo("JSON");
    }

    /** JWT_ISSUER is compared with iss character for character: the pool's issuer, never with a trailing slash. */
    @Test
    void itTrustsThisPoolsIssuerReadsThisRegistryAndTheConfiguredClaim() {
        String poolId = DEFAULTS.resources("AWS::Cognito::UserPool").keySet().iterator().next();
        String registryId = DEFAULTS.logicalId("AWS::DynamoDB::GlobalTable", TableTest.registryTable().get("Properties"));
        Object issuer = Map.of("Fn::Join", List.of("", List.of("https://cognito-idp.", Map.of("Ref", "AWS::Region"), ".",
                Map.of("Ref", "AWS::URLSuffix"), "/", Map.of("Ref", poolId))));
        assertThat((Map<String, Object>) at(authorizer(), "Environment", "Variables")).containsOnly(
                Map.entry("JWT_ISSUER", issuer),
                Map.entry("TENANT_REGISTRY_TABLE", Map.of("Ref", registryId)),
                Map.entry("TENANT_CLAIM", "tenant_id"));
        DEFAULTS.template().hasOutput("JwtIssuer", Map.of("Value", issuer));
    }

    @Test
    void onlyThisApisAuthorizerMayInvokeItAndOnlyThroughTheAlias() {
        List<Map<String, Object>> permissions = DEFAULTS.resources("AWS::Lambda::Permission").values().stream()
                .filter(permission -> Map.of("Ref", authorizerAliasId()).equals(at(permission, "Properties", "FunctionName")))
                .toList();
        assertThat(permissions).hasSize(1);
        assertThat((Map<String, Object>) at(permissions.get(0), "Properties"))
                .containsEntry("Action", "lambda:InvokeFunction")
                .containsEntry("Principal", "apigateway.amazonaws.com");
        String authorizerResource = DEFAULTS.resources("AWS::ApiGateway::Authorizer").keySet().iterator().next();
        assertThat(at(permissions.get(0), "Properties", "SourceArn").toString()).contains("/authorizers/", "{Ref=" + authorizerResource + "}");
        assertThat(DEFAULTS.resources("AWS::Lambda::Permission").values()).noneMatch(permission ->
                Map.of("Ref", authorizerId()).equals(at(permission, "Properties", "FunctionName")));
    }

    @Test
    void itsLogGroupIsAnOutput() {
        String logGroupId = at(authorizer(), "LoggingConfig", "LogGroup", "Ref");
        DEFAULTS.template().hasOutput("AuthorizerLogGroupName", Map.of("Value", Map.of("Ref", logGroupId)));
    }
}
