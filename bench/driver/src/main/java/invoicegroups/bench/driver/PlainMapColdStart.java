package invoicegroups.bench.driver;

import java.time.Instant;
import java.util.Map;

/**
 * One cold start of a handler that Lambda's Java runtime calls with plain maps (no aws-lambda-java-core: the token
 * trigger, the authorizer), measured the one way the harness reads: the event the runtime hands over built first and
 * timed apart (it is the runtime's work), then the handler constructed (from environment variables), then one
 * invocation. {@link #timestamps()} are epoch microseconds: {@code main=.. event=.. init=.. first=..}.
 *
 * <p>The drivers extend it (no lambdas: their first use would bootstrap invokedynamic inside the measured steps).
 */
abstract class PlainMapColdStart {

    private final long mainAt;
    private long eventAt;
    private long initAt;
    private long firstAt;

    /** @param mainAt when {@code main} began, by {@link #micros()} */
    PlainMapColdStart(long mainAt) {
        this.mainAt = mainAt;
    }

    /** The event, as the plain maps and lists the runtime hands over. */
    abstract Map<String, Object> event();

    /** Constructs the handler, as Lambda does at initialisation. */
    abstract void initialise();

    /** One invocation of the handler {@link #initialise()} constructed. */
    abstract Map<String, Object> handle(Map<String, Object> event);

    /** The event, the handler, the first invocation, each timed: the first answer. */
    final Map<String, Object> coldStart() {
        Map<String, Object> event = event();
        eventAt = micros();
        initialise();
        initAt = micros();
        Map<String, Object> answer = handle(event);
        firstAt = micros();
        return answer;
    }

    /** {@code main=.. event=.. init=.. first=..}, epoch microseconds. */
    final String timestamps() {
        return "main=" + mainAt + " event=" + eventAt + " init=" + initAt + " first=" + firstAt;
    }

    /** Its own clock reading: ColdStart's would load the function's handler types, absent from this classpath. */
    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
