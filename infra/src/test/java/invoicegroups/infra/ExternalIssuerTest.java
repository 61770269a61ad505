package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens from an existing OIDC issuer: the stack runs no Cognito of its own. */
class ExternalIssuerTest {

    private static final Synthesized EXTERNAL = Synthesized.with(Map.of(
            "jwtIssuer", "https://login.example.com/realms/billing",
            "jwtAudience", List.of("invoice-groups-api"),
            "tenantClaim", "org_id"));

    @Test
    void theAuthorizerTrustsTheConfiguredIssuerAndAudience() {
        Map<String, Object> authorizer = at(EXTERNAL.only("AWS::ApiGatewayV2::Authorizer"), "Properties");
        assertThat((Object) at(authorizer, "JwtConfiguration")).isEqualTo(Map.of(
                "Issuer", "https://login.example.com/realms/billing",
                "Audience", List.of("invoice-groups-api")));
        EXTERNAL.template().hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", "GET /invoice_groups", "AuthorizationScopes", List.of("invoice-groups/read")));
    }

    @Test
    void noCognitoResourcesNoTriggerAndNoCognitoOutputs() {
        for (String type : List.of("AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain")) {
            EXTERNAL.template().resourceCountIs(type, 0);
        }
        assertThat(EXTERNAL.resources("AWS::Lambda::Function")).hasSize(1);
        assertThat(EXTERNAL.template().findOutputs("*").keySet())
                .containsExactlyInAnyOrder("ApiUrl", "InvoiceGroupsUrl", "TableName", "JwtIssuer", "AlarmTopicArn");
    }

    @Test
    void theFunctionReadsTheIssuersTenantClaim() {
        assertThat((Object) at(EXTERNAL.only("AWS::Lambda::Function"), "Properties", "Environment", "Variables", "TENANT_CLAIM"))
                .isEqualTo("org_id");
    }

    @Test
    void anExistingUserPoolIdBecomesItsRegionalIssuer() {
        String issuer = Synthesized.at(Synthesized.with(Map.of("userPoolId", "eu-west-1_AbCdEf123", "jwtAudience", "client-a,client-b"))
                .only("AWS::ApiGatewayV2::Authorizer"), "Properties", "JwtConfiguration", "Issuer").toString();
        assertThat(issuer).contains("https://cognito-idp.", "AWS::Region", "AWS::URLSuffix", "eu-west-1_AbCdEf123");
    }

    @Test
    void theExternalIssuerStackIsClean() {
        assertThat(EXTERNAL.unsuppressedNagFindings()).isEmpty();
        assertThat(EXTERNAL.warnings()).isEmpty();
        assertThat(EXTERNAL.errors()).isEmpty();
    }
}
