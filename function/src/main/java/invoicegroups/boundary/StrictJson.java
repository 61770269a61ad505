package invoicegroups.boundary;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The function's one JSON factory, built once by the handler and handed to whatever reads or writes JSON (the
 * nextToken codec, the response bodies, the log and metric lines): strict about duplicate properties, so a
 * {@code nextToken} with a property twice is refused rather than read one way or the other.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static JsonFactory factory() {
        return JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }
}
