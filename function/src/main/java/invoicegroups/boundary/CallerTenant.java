package invoicegroups.boundary;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The caller's tenant: a claim of the JWT that API Gateway's authorizer verified. Nothing the caller puts in a
 * parameter or a token of ours can change it.
 */
final class CallerTenant {

    /** Tenant ids are short and plain; anything else (blank, a list, odd characters) is a malformed claim. */
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final String claim;

    CallerTenant(String claim) {
        this.claim = claim;
    }

    /**
     * @throws Unauthenticated when the event carries no verified JWT (no authorizer ran)
     * @throws Forbidden when the token lacks a well-formed tenant claim
     */
    String of(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            throw new Unauthenticated();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        String tenant = claims == null ? null : claims.get(claim);
        if (tenant == null || !TENANT_ID.matcher(tenant).matches()) {
            throw new Forbidden();
        }
        return tenant;
    }

    /** No verified caller: 401. */
    static final class Unauthenticated extends RuntimeException {
        Unauthenticated() {
            super("no JWT authorizer context", null, false, false);
        }
    }

    /** A verified caller without a tenant: 403. */
    static final class Forbidden extends RuntimeException {
        Forbidden() {
            super("missing or malformed tenant claim", null, false, false);
        }
    }
}
