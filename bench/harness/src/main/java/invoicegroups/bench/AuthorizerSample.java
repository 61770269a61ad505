package invoicegroups.bench;

/**
 * One cold start of the Lambda authorizer, milliseconds: launch to {@code main}, building the event (the runtime's
 * work), the handler's construction (class loading, the JWK source, the DynamoDB client), the first invocation (the
 * JWKS fetched, the token verified, one BatchGetItem), and the total from launch to the answer.
 */
record AuthorizerSample(double jvmStart, double event, double init, double firstCall, double total, long peakRssKiB) {
}
