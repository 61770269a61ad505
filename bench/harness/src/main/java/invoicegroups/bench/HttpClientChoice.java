package invoicegroups.bench;

/** Why the function uses the HTTP client it uses; printed under the comparison it rests on. */
final class HttpClientChoice {

    static final String REASON = "**Choice: URLConnection** (to be confirmed by the figures above).";

    private HttpClientChoice() {
    }
}
