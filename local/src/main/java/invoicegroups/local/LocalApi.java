package invoicegroups.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import invoicegroups.local.boundary.LocalServer;
import invoicegroups.local.boundary.StartupBanner;
import invoicegroups.local.control.ClientCredentialsGrant;
import invoicegroups.local.control.DemoClients;
import invoicegroups.local.control.EventInvoker;
import invoicegroups.local.control.JwtAuthorizer;
import invoicegroups.local.control.LocalData;
import invoicegroups.local.control.LocalDeployment;
import invoicegroups.local.control.OptionsParser;
import invoicegroups.local.control.SigningKey;
import invoicegroups.local.control.StartupException;
import invoicegroups.local.control.TokenIssuer;
import invoicegroups.local.entity.Options;
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

            Serves GET /invoice_groups on http://localhost:PORT behind an API Gateway-like JWT authorizer, with a
            Cognito-compatible token endpoint (POST /oauth2/token) and DynamoDB Local, all in this process.

              --port N             HTTP port (default 8080; 0 picks a free one)
              --data-dir DIR       keep DynamoDB Local's data in DIR between runs (default: in memory)
              --data-file FILE     load the invoice groups in FILE instead of the bundled sample data
                                   ({"tenant id": [invoice group, ...], ...}, invoice groups as the API returns them)
              --generate N         also write N synthetic invoice groups (1 to 10000000) for the tenant given with
              --tenant TENANT      (ids ig_TENANT_gen_000000001 ...)
              invoke EVENT_FILE    run the handler once on an API Gateway HTTP API (payload 2.0) event, e.g.
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
            URI base = server.baseUri();
            String issuer = base.toString();
            JwtAuthorizer authorizer = new JwtAuthorizer(key.publicKeys(), issuer, DemoClients.clientIds(),
                    DemoClients.READ_SCOPE, Clock.systemUTC());
            TokenIssuer tokens = new TokenIssuer(key, issuer, LocalDeployment.TENANT_CLAIM, Clock.systemUTC());
            server.start(authorizer, new ClientCredentialsGrant(tokens), key.publicKeys(), deployment.handler(), console);
            StartupBanner.print(console, base, options, loaded, Duration.ofNanos(System.nanoTime() - started));
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
        APIGatewayV2HTTPEvent event = EventInvoker.read(options.eventFile().orElseThrow());
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
