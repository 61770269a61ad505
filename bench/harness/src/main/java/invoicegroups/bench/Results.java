package invoicegroups.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured. */
final class Results {

    /** One cold start of each, launched one after the other. */
    record Pair(ColdSample ours, ColdSample baseline) {
        double ratio() {
            return ours.total() / baseline.total();
        }

        double ratioWithoutEvent() {
            return ours.withoutEvent() / baseline.withoutEvent();
        }
    }

    /** Classes loaded by the first response, in all and by where they came from. */
    record Classes(int total, Map<String, Integer> bySource) {
    }

    String startedAt;
    String finishedAt;
    String loadAverageAtStart;
    final List<Pair> pairs = new ArrayList<>();
    final List<Pair> runtimeSerializerPairs = new ArrayList<>();
    /** Ours with SnapStart's priming (through each HTTP client) run after initialisation, before the request. */
    final Map<String, List<ColdSample>> primedCold = new LinkedHashMap<>();
    /** Primed cold starts whose priming failed (a connection left open), by HTTP client. */
    final Map<String, Integer> primedFailures = new LinkedHashMap<>();
    /** The SDK's floor (bare client, one Query) against the baseline of the same round. */
    final List<Pair> sdkFloorPairs = new ArrayList<>();
    Classes classesOurs;
    Classes classesBaseline;
    Classes classesSdkFloor;
    final Map<String, List<ColdSample>> clientCold = new LinkedHashMap<>();
    final Map<String, Map<String, Stats>> warm = new LinkedHashMap<>();
    Map<String, Stats> deep;
    long functionJarBytes;
    long baselineJarBytes;
    /** Each HTTP client's jars, as an arm64 function jar would hold them. */
    final Map<String, Long> httpClientBytes = new LinkedHashMap<>();
    /** The HTTP client in the function jar. */
    String functionHttpClient;
    /** The Cognito trigger's cold starts (its own jar, two GetItems on the registry). */
    final List<TriggerSample> triggerCold = new ArrayList<>();
    long triggerJarBytes;
    /** The Lambda authorizer's cold starts (its own jar, the JWKS over loopback, one BatchGetItem). */
    final List<AuthorizerSample> authorizerCold = new ArrayList<>();
    /** Its warm path in one JVM, microseconds: median and p99 of an Allow and of a verification-only Deny. */
    final Map<String, Long> authorizerWarm = new LinkedHashMap<>();
    long authorizerJarBytes;
    /** Tenant B alone and with tenant A's flood, phase by phase ({@link Neighbours}). */
    final List<Neighbours.Phase> neighbours = new ArrayList<>();
}
