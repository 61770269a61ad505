package invoicegroups.authorizer;

import java.util.Set;

/**
 * What the authorizer takes from an access token whose signature, issuer, use and times it has checked.
 *
 * @param clientId the app client the token was issued to ({@code client_id})
 * @param tenantClaim the tenant claim's value if it is a string, else {@code null} (checked against the rule later)
 * @param scopes the token's {@code scope}, split on spaces
 */
record VerifiedToken(String clientId, String tenantClaim, Set<String> scopes) {
}
