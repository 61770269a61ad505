package invoicegroups.boundary;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import invoicegroups.control.ClientFailure;
import invoicegroups.table.TenantId;
import java.util.Map;

/**
 * The caller's tenant: a claim of the access token that API Gateway's Cognito user-pool authorizer verified, found in
 * {@code requestContext.authorizer.claims} (payload format 1.0; every claim value a string). Nothing the caller puts
 * in a parameter or a token of ours can change it.
 */
final class CallerTenant {

    private static final String CLAIMS = "claims";

    private final String claim;

    CallerTenant(String claim) {
        this.claim = claim;
    }

    /**
     * @throws ClientFailure.Unauthenticated when the event carries no verified claims (no authorizer ran)
     * @throws ClientFailure.Forbidden when the claims hold no well-formed tenant claim, or are not what an authorizer
     *         writes (claims that are not a map, a tenant that is not a string)
     */
    String of(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        Map<String, Object> authorizer = context == null ? null : context.getAuthorizer();
        Object claims = authorizer == null ? null : authorizer.get(CLAIMS);
        if (claims == null) {
            throw new ClientFailure.Unauthenticated();
        }
        if (!(claims instanceof Map<?, ?> verified)) {
            throw new ClientFailure.Forbidden();
        }
        if (!(verified.get(claim) instanceof String tenant) || !TenantId.isValid(tenant)) {
            throw new ClientFailure.Forbidden();
        }
        return tenant;
    }
}
