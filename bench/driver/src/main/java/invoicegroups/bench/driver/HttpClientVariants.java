package invoicegroups.bench.driver;

import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.DynamoDbClients;
import invoicegroups.boundary.ListInvoiceGroupsHandler;
import invoicegroups.snapstart.SnapStartPriming;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The function's handler, DynamoDB client and SnapStart priming on each HTTP client the benchmark compares:
 * URLConnection, Apache 5 and the AWS CRT, with the function's timeouts, through the function's own client factory,
 * handler factory and priming.
 */
public final class HttpClientVariants {

    public static final String URL_CONNECTION = "urlconnection";
    public static final String APACHE5 = "apache5";
    public static final String CRT = "crt";

    private HttpClientVariants() {
    }

    public static ListInvoiceGroupsHandler handler(String httpClient) {
        Configuration configuration = Configuration.fromEnvironment();
        return ListInvoiceGroupsHandler.create(configuration, client(configuration, httpClient));
    }

    public static ListInvoiceGroupsHandler handler(Configuration configuration, DynamoDbClient client) {
        return ListInvoiceGroupsHandler.create(configuration, client);
    }

    public static DynamoDbClient client(Configuration configuration, String httpClient) {
        return DynamoDbClients.create(configuration, httpClient(configuration, httpClient));
    }

    /** SnapStart priming through a new HTTP client of the given kind, as the function primes through its own. */
    public static SnapStartPriming priming(String httpClient) {
        Configuration configuration = Configuration.fromEnvironment();
        return new SnapStartPriming(configuration, () -> httpClient(configuration, httpClient));
    }

    static SdkHttpClient httpClient(Configuration configuration, String httpClient) {
        Duration timeout = configuration.apiCallAttemptTimeout();
        return switch (httpClient) {
            case URL_CONNECTION -> UrlConnectionHttpClient.builder()
                    .connectionTimeout(timeout).socketTimeout(timeout).build();
            case APACHE5 -> Apache5HttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build();
            case CRT -> AwsCrtHttpClient.builder().connectionTimeout(timeout).build();
            default -> throw new IllegalArgumentException("unknown HTTP client " + httpClient);
        };
    }
}
