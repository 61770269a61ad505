package invoicegroups.bench;

/**
 * One cold start of the token trigger, milliseconds: launch to {@code main}, building the event (the runtime's work),
 * the handler's construction (class loading, the DynamoDB client), the first invocation (two GetItems), and the total
 * from launch to the answer.
 */
record TriggerSample(double jvmStart, double event, double init, double firstCall, double total, long peakRssKiB) {
}
