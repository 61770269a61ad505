package invoicegroups.boundary;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import invoicegroups.control.ClientFailure;
import invoicegroups.table.AuthorizerContext;
import invoicegroups.table.TenantId;
import java.util.Map;

/**
 * The caller's tenant: what the REST API's Lambda authorizer decided from the tenant registry, found in
 * {@code requestContext.authorizer.tenantId} (payload format 1.0: the authorizer's context, next to its
 * {@code principalId}). Nothing the caller puts in a header, a parameter or a token of ours can change it.
 */
final class CallerTenant {

    private CallerTenant() {
    }

    /**
     * @throws ClientFailure.Unauthenticated when the event carries no authorizer context (no authorizer ran)
     * @throws ClientFailure.Forbidden when the context holds no well-formed tenant id ({@link TenantId}), or one that is
     *         not what the authorizer writes (a string)
     */
    static String of(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        Map<String, Object> authorizer = context == null ? null : context.getAuthorizer();
        if (authorizer == null || authorizer.isEmpty()) {
            throw new ClientFailure.Unauthenticated();
        }
        if (!(authorizer.get(AuthorizerContext.TENANT_ID) instanceof String tenant) || !TenantId.isValid(tenant)) {
            throw new ClientFailure.Forbidden();
        }
        return tenant;
    }
}
