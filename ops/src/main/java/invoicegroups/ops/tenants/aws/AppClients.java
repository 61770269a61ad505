package invoicegroups.ops.tenants.aws;

import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.tenants.entity.NewClient;
import invoicegroups.table.ResourceServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The user pool's app clients, one per tenant credential: client-credentials grant, the read scope, a secret. The
 * stack creates no app client of its own, so every app client of the pool is a tenant's. Throttling is retried by the
 * SDK ({@link invoicegroups.ops.deployment.Retries}).
 */
public final class AppClients {

    public static final String POLICY = "TenantOperatorPolicy";
    /** ListUserPoolClients' largest page. */
    static final int PAGE_SIZE = 60;

    private final Target target;

    public AppClients(Target target) {
        this.target = target;
    }

    public NewClient create(String tenantId) {
        Duration validity = target.accessTokenValidity();
        UserPoolClientType client = call("cognito-idp:CreateUserPoolClient", () -> target.cognito()
                .createUserPoolClient(request -> request
                        .userPoolId(target.userPoolId())
                        .clientName(ClientNames.forTenant(tenantId))
                        .generateSecret(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthScopes(ResourceServer.READ_SCOPE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .accessTokenValidity((int) validity.toMinutes())
                        .tokenValidityUnits(units -> units.accessToken(TimeUnitsType.MINUTES)))
                .userPoolClient());
        if (client == null || client.clientId() == null || client.clientSecret() == null) {
            throw CommandFailure.unavailable("cognito-idp:CreateUserPoolClient on " + pool()
                    + " answered without a client id and secret");
        }
        return new NewClient(tenantId, client.clientId(), client.clientSecret());
    }

    /** Deletes the client; one that is already gone counts as deleted (a re-run, a repair). */
    public void delete(String clientId) {
        try {
            call("cognito-idp:DeleteUserPoolClient", () -> target.cognito().deleteUserPoolClient(
                    request -> request.userPoolId(target.userPoolId()).clientId(clientId)));
        } catch (Gone gone) {
            // Nothing left to delete.
        }
    }

    /** Whether the pool has this app client (DescribeUserPoolClient). */
    public boolean exists(String clientId) {
        try {
            call("cognito-idp:DescribeUserPoolClient", () -> target.cognito().describeUserPoolClient(
                    request -> request.userPoolId(target.userPoolId()).clientId(clientId)));
            return true;
        } catch (Gone gone) {
            return false;
        }
    }

    /** Every app client id of the pool (ListUserPoolClients, paged by the SDK's paginator). */
    public Set<String> all() {
        Set<String> ids = new HashSet<>();
        call("cognito-idp:ListUserPoolClients", () -> {
            target.cognito().listUserPoolClientsPaginator(request -> request.userPoolId(target.userPoolId())
                    .maxResults(PAGE_SIZE)).userPoolClients().stream()
                    .map(UserPoolClientDescription::clientId).forEach(ids::add);
            return null;
        });
        return ids;
    }

    private <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException e) {
            // Cognito's answer for a missing client and for a missing pool alike: the message tells them apart.
            if (String.valueOf(e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage())
                    .toLowerCase(java.util.Locale.ROOT).contains("client")) {
                throw new Gone();
            }
            throw CommandFailure.notFound(pool() + " not found in " + target.where() + " (" + action + ")");
        } catch (LimitExceededException e) {
            throw CommandFailure.conflict(pool() + " has as many app clients as its quota allows (1,000 by default,"
                    + " adjustable to 10,000 with a Service Quotas request)");
        } catch (SdkException e) {
            if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                    && service.isThrottlingException()) {
                throw CommandFailure.unavailable("Cognito kept throttling " + action + " on " + pool()
                        + " past the retries: try again in a minute");
            }
            throw target.call(action, pool(), POLICY).failure(e);
        }
    }

    /** The app client named does not exist. */
    private static final class Gone extends RuntimeException {
        Gone() {
            super(null, null, false, false);
        }
    }

    private String pool() {
        return "user pool " + target.userPoolId();
    }
}
