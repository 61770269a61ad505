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
    /** Ours with SnapStart's priming run after initialisation, against ours without, one after the other. */
    final List<Pair> primedPairs = new ArrayList<>();
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
    final Map<String, Long> httpClientExtraBytes = new LinkedHashMap<>();
    /** The Cognito trigger's cold starts (its own jar, one GetItem on the registry). */
    final List<TriggerSample> triggerCold = new ArrayList<>();
    long triggerJarBytes;
}
