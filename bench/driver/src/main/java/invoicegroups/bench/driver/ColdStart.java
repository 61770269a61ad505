package invoicegroups.bench.driver;

import invoicegroups.lambdacontext.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import invoicegroups.boundary.Configuration;
import invoicegroups.snapstart.SnapStartPriming;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One cold start, as Lambda's Java runtime does it: read the API Gateway event (timed apart: it is the runtime's
 * work, the same for every handler; with {@code -Dbench.runtimeSerializer=true} through the runtime's own
 * serialisation library, else through a JDK-only reader), load the handler class, construct it, invoke. Prints epoch-microsecond timestamps for the harness, which knows
 * when it launched this JVM; then a marker line (so a class-load log can be cut at the first response) and the peak
 * RSS.
 *
 * <p>Arguments: the handler class, the event file, and optionally an HTTP client other than the function's own
 * ({@code apache5}, {@code crt}).
 */
public final class ColdStart {

    public static final String RUNTIME_MARKER = "--- event deserialised ---";
    public static final String MARKER = "--- first response ---";

    private ColdStart() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long mainAt = micros();
        String handlerClass = args[0];
        Path eventFile = Path.of(args[1]);
        String httpClient = args.length > 2 ? args[2] : "";

        // The event first, timed apart: reading it is the runtime's work, the same whatever the handler.
        APIGatewayProxyRequestEvent event = Boolean.getBoolean("bench.runtimeSerializer")
                ? withRuntimeSerializer(eventFile) : RestApiEvents.read(eventFile);
        long eventAt = micros();
        System.out.println(RUNTIME_MARKER);

        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = httpClient.isEmpty()
                ? (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                        Class.forName(handlerClass).getConstructor().newInstance()
                : HttpClientVariants.handler(httpClient);
        long initAt = micros();
        if (Boolean.getBoolean("bench.prime")) {
            // What SnapStart's beforeCheckpoint runs before the snapshot (through the HTTP client under test); timed
            // apart: in Lambda it runs once per published version, before any caller waits.
            SnapStartPriming priming = httpClient.isEmpty() ? new SnapStartPriming(Configuration.fromEnvironment())
                    : HttpClientVariants.priming(httpClient);
            priming.beforeCheckpoint(null);
            System.out.println("primed=" + micros());
        }

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, LocalLambdaContext.toStandardError("bench-request"));
        long firstAt = micros();

        System.out.println("main=" + mainAt + " event=" + eventAt + " init=" + initAt + " first=" + firstAt
                + " status=" + response.getStatusCode() + " bodyBytes=" + response.getBody().length());
        System.out.println(MARKER);
        System.out.println("vmhwmKiB=" + PeakRss.kibibytes());
        System.out.flush();
    }

    /** As Lambda's Java runtime reads events: its serialisation library (shaded Jackson data binding). */
    private static APIGatewayProxyRequestEvent withRuntimeSerializer(Path eventFile) throws Exception {
        PojoSerializer<APIGatewayProxyRequestEvent> events =
                LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, ColdStart.class.getClassLoader());
        try (InputStream in = Files.newInputStream(eventFile)) {
            return events.fromJson(in);
        }
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
