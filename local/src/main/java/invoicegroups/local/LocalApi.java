package invoicegroups.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import invoicegroups.local.cognito.ClientCredentialsGrant;
import invoicegroups.local.cognito.DemoClient;
import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.cognito.PreTokenGeneration;
import invoicegroups.local.cognito.RequestRateLimit;
import invoicegroups.local.cognito.SigningKey;
import invoicegroups.local.cognito.TokenEndpoint;
import invoicegroups.local.cognito.TokenIssuer;
import invoicegroups.local.cognito.UserPoolApi;
import invoicegroups.local.data.LocalData;
import invoicegroups.local.gateway.EventInvoker;
import invoicegroups.local.gateway.LambdaAuthorizer;
import invoicegroups.local.gateway.RestApiFront;
import invoicegroups.local.server.DynamoDbProxy;
import invoicegroups.local.server.LocalServer;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local runner's entry point: {@code java -jar local/target/invoice-groups-local.jar [options]} serves the API on
 * localhost; {@code ... invoke <event-file>} runs the handler once on an API Gateway event.
 */
public final class LocalApi implements AutoCloseable {

    static final String USAGE = """
            Usage: java -jar local/target/invoice-groups-local.jar [options]
                   java -jar local/target/invoice-groups-local.jar [data options] invoke EVENT_FILE

            Serves GET /invoice_groups on http://localhost:PORT as the stack's REST API with its Lambda authorizer,
            with a Cognito-compatible token endpoint (POST /oauth2/token), Cognito's user-pool-client API and
            DynamoDB's API (POST / by X-Amz-Target) and DynamoDB Local, all in this process.

              --port N             HTTP port (default 8080; 0 picks a free one)
              --data-dir DIR       keep DynamoDB Local's data in DIR between runs (default: in memory)
              --data-file FILE     load the invoice groups in FILE instead of the bundled sample data
                                   ({"tenant id": [invoice group, ...], ...}, invoice groups as the API returns them)
              --generate N         also write N synthetic invoice groups (1 to 10000000) for the tenant given with
              --tenant TENANT      (ids ig_TENANT_gen_000000001 ...)
              --access-token-validity MINUTES
                                   lifetime of access tokens for app clients that set none (5 to 1440, default 60)
              --cognito-rate-limit N
                                   answer TooManyRequestsException beyond N user-pool-client API calls per second
                                   (default: no limit)
              invoke EVENT_FILE    run the handler once on an API Gateway REST API (payload 1.0) event, e.g.
                                   events/first-page.json, print its response and exit
              --help               this text
            """;

    private final LocalServer server;
    private final LocalDeployment deployment;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalApi(LocalServer server, LocalDeployment deployment) {
        this.server = server;
        this.deployment = deployment;
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        int status = run(arguments, System.out, System.err);
        boolean serving = status == 0 && OptionsParser.parse(arguments).mode() == Options.Mode.SERVE;
        // Serving, the server's thread keeps the JVM alive until Ctrl-C runs the shutdown hook. Otherwise the work
        // is done, but DynamoDB Local leaves non-daemon threads behind when it stops: exit explicitly.
        if (!serving) {
            System.exit(status);
        }
    }

    /** @return the exit status: 0, or the {@link StartupException}'s */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Options options = OptionsParser.parse(args);
            switch (options.mode()) {
                case HELP -> out.print(USAGE);
                case INVOKE -> invoke(options, out, err);
                case SERVE -> {
                    LocalApi api = start(options, SigningKey.generate(), out);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        out.println("stopping");
                        api.close();
                    }, "local-api-shutdown"));
                }
            }
            return 0;
        } catch (StartupException e) {
            err.println("error: " + e.getMessage());
            return e.exitStatus();
        } catch (RuntimeException | LinkageError e) {
            // Not expected (a broken build: a class missing); still one line, not a stack trace.
            err.println("error: " + e);
            return StartupException.FAILURE;
        }
    }

    /**
     * Starts everything and returns once the API answers.
     *
     * @param key signs the tokens (tests pass theirs, to sign tokens of their own)
     * @param console where the banner, progress and the access log go
     */
    public static LocalApi start(Options options, SigningKey key, PrintStream console) {
        long started = System.nanoTime();
        LocalData data = LocalData.of(options);
        LocalServer server = LocalServer.bind(options.port());
        LocalDeployment deployment = null;
        try {
            deployment = LocalDeployment.start(options.dataDirectory());
            Map<String, Long> loaded = data.loadInto(deployment.loader(), console);
            List<DemoClient> demoClients = DemoClients.forTenants(loaded.keySet());
            Clock clock = Clock.systemUTC();
            DemoClients.register(demoClients, deployment.userPoolClients(), deployment.dynamoDb(),
                    LocalDeployment.REGISTRY_TABLE_NAME, clock.instant());
            URI base = server.baseUri();
            String issuer = base.toString();
            ClientCredentialsGrant grant = new ClientCredentialsGrant(deployment.userPoolClients(),
                    new PreTokenGeneration(deployment.preTokenGenerationTrigger()),
                    new TokenIssuer(key, issuer, clock), options.accessTokenValidity());
            server.start(new LocalServer.Services(
                    new RestApiFront(new LambdaAuthorizer(deployment.authorizer(issuer, console), "GET",
                            RestApiFront.PATH), deployment.handler(), clock),
                    new TokenEndpoint(grant),
                    new UserPoolApi(deployment.userPoolClients(),
                            new RequestRateLimit(options.cognitoRequestsPerSecond(), clock), clock),
                    new DynamoDbProxy(deployment.dynamoDbEndpoint()),
                    key.publicKeys()), console);
            StartupBanner.print(console, base, options, loaded, demoClients,
                    Duration.ofNanos(System.nanoTime() - started));
            return new LocalApi(server, deployment);
        } catch (RuntimeException e) {
            server.close();
            if (deployment != null) {
                deployment.close();
            }
            throw e;
        }
    }

    private static void invoke(Options options, PrintStream out, PrintStream err) {
        APIGatewayProxyRequestEvent event = EventInvoker.read(options.eventFile().orElseThrow());
        LocalData data = LocalData.of(options);
        try (LocalDeployment deployment = LocalDeployment.start(options.dataDirectory())) {
            data.loadInto(deployment.loader(), err);
            out.println(new EventInvoker(deployment.handler()).invoke(event));
        }
    }

    /** {@code http://localhost:<port>}. */
    public URI baseUri() {
        return server.baseUri();
    }

    public LocalDeployment deployment() {
        return deployment;
    }

    /** Stops the HTTP server, then DynamoDB Local. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            deployment.close();
        }
    }
}
