package invoicegroups.ops.tenants;

import invoicegroups.ops.backoff.Backoff;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.deployment.Target;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The user pool's app clients, one per tenant credential: client-credentials grant, the read scope, a secret.
 * Every call goes through {@link Backoff#COGNITO}: Cognito throttles these operations at a few per second.
 */
final class AppClients {

    /** The resource server's scope {@code GET /invoice_groups} requires. */
    static final String READ_SCOPE = "invoice-groups/read";
    static final String POLICY = "TenantOperatorPolicy";

    private final Target target;
    private final Backoff backoff;

    AppClients(Target target, Backoff backoff) {
        this.target = target;
        this.backoff = backoff;
    }

    NewClient create(String tenantId) {
        Duration validity = target.accessTokenValidity();
        UserPoolClientType client = call("cognito-idp:CreateUserPoolClient", () -> target.cognito()
                .createUserPoolClient(request -> request
                        .userPoolId(target.userPoolId())
                        .clientName(ClientNames.forTenant(tenantId))
                        .generateSecret(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthScopes(READ_SCOPE)
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

    /** Deletes the client; one that is already gone counts as deleted (a re-run after a partial failure). */
    void delete(String clientId) {
        String action = "cognito-idp:DeleteUserPoolClient";
        try {
            backoff.call(() -> target.cognito().deleteUserPoolClient(
                    request -> request.userPoolId(target.userPoolId()).clientId(clientId)), AppClients::throttled);
        } catch (ResourceNotFoundException gone) {
            // Nothing left to delete.
        } catch (SdkException e) {
            throw failure(action, e);
        }
    }

    private <T> T call(String action, Supplier<T> call) {
        try {
            return backoff.call(call, AppClients::throttled);
        } catch (SdkException e) {
            throw failure(action, e);
        }
    }

    private CommandFailure failure(String action, SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return CommandFailure.notFound(pool() + " not found in " + target.where() + " (" + action + ")");
        }
        if (e instanceof LimitExceededException) {
            return CommandFailure.conflict(pool() + " has as many app clients as its quota allows (1,000 by default,"
                    + " adjustable to 10,000 with a Service Quotas request)");
        }
        if (throttled(e)) {
            return CommandFailure.unavailable("Cognito kept throttling " + action + " on " + pool() + " after "
                    + backoff.maxAttempts() + " attempts: try again in a minute");
        }
        return target.call(action, pool(), POLICY).failure(e);
    }

    /** Throttling (TooManyRequestsException, 429) and Cognito's own transient 500s are worth another attempt. */
    static boolean throttled(RuntimeException e) {
        return e instanceof TooManyRequestsException || e instanceof InternalErrorException
                || e instanceof AwsServiceException service && service.isThrottlingException();
    }

    private String pool() {
        return "user pool " + target.userPoolId();
    }
}
