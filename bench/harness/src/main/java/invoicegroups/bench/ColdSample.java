package invoicegroups.bench;

/**
 * One cold start, in milliseconds from the launch of the JVM: JVM start (launch to main), reading the event,
 * initialisation (handler class loading and construction), SnapStart priming when asked for (else 0), first request
 * (to the 200), and the total.
 */
record ColdSample(double jvmStart, double event, double init, double priming, double firstRequest, double total,
        int status, long peakRssKiB) {

    /** Launch to first response without the event reading: what the function is responsible for plus JVM start. */
    double withoutEvent() {
        return total - event;
    }
}
