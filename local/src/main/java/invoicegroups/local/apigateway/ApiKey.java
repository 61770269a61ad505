package invoicegroups.local.apigateway;

import java.time.Instant;
import java.util.Optional;

/**
 * One API key of the local REST API's account, as API Gateway keeps it, with the usage plan of stage
 * {@code local/local} that holds it (API Gateway lets a key be in one usage plan per API stage).
 *
 * @param id 10 lower-case letters and digits, as API Gateway's
 * @param value what a caller (here: the Lambda authorizer's {@code usageIdentifierKey}) presents; at least 20
 *     characters
 * @param usagePlanId the usage plan holding it, if any
 */
public record ApiKey(String id, String name, String description, String value, boolean enabled, Instant createdDate,
        Instant lastUpdatedDate, Optional<String> usagePlanId) {

    public ApiKey withUsagePlan(Optional<String> plan, Instant now) {
        return new ApiKey(id, name, description, value, enabled, createdDate, now, plan);
    }

    public ApiKey with(String newName, String newDescription, boolean newEnabled, Instant now) {
        return new ApiKey(id, newName, newDescription, value, newEnabled, createdDate, now, usagePlanId);
    }
}
