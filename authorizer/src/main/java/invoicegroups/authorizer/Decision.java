package invoicegroups.authorizer;

/** What the authorizer decided about a verified access token. */
sealed interface Decision {

    /** Why, in a fixed phrase (for the decision log). */
    String reason();

    /** The call goes on, for this tenant, counted against this API key's usage plan. */
    record Allow(String clientId, String tenantId, String plan, String apiKeyValue) implements Decision {
        @Override
        public String reason() {
            return "active tenant";
        }
    }

    /**
     * The caller is known but may not call: 403.
     *
     * @param tenantId the tenant claim if well-formed, else {@code null}
     */
    record Deny(String reason, String clientId, String tenantId) implements Decision {
    }
}
