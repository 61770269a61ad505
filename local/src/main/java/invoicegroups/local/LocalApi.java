package invoicegroups.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import invoicegroups.local.DemoTenants.DemoTenant;
import invoicegroups.local.apigateway.ManagementApi;
import invoicegroups.local.apigateway.UsagePlan;
import invoicegroups.local.apigateway.UsagePlanGate;
import invoicegroups.local.cognito.ClientCredentialsGrant;
import invoicegroups.local.cognito.PreTokenGeneration;
import invoicegroups.local.cognito.RequestRateLimit;
import invoicegroups.local.cognito.SigningKey;
import invoicegroups.local.cognito.TokenEndpoint;
import invoicegroups.local.cognito.TokenIssuer;
import invoicegroups.local.cognito.UserPoolApi;
import invoicegroups.local.data.LocalData;
import invoicegroups.local.gateway.AuthorizerCache;
import invoicegroups.local.gateway.EventInvoker;
import invoicegroups.local.gateway.LambdaAuthorizer;
import invoicegroups.local.gateway.RestApiFront;
import invoicegroups.local.server.DynamoDbProxy;
import invoicegroups.local.server.Limits;
import invoicegroups.local.server.LocalServer;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local runner's entry point: {@code java -jar local/target/invoice-groups-local.jar [options]} serves the API on
 * localhost; {@code ... invoke <event-file>} runs the handler once on an API Gateway event.
 */
public final class LocalApi implements AutoCloseable {

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
                case HELP -> out.print(OptionsParser.usage(args));
                case VERSION -> out.print(OptionsParser.version());
                case INVOKE -> invoke(options, out, err);
                case SERVE -> {
                    if (!options.host().isLoopbackAddress()) {
                        err.println("warning: listening on " + options.host().getHostAddress() + ", not on loopback:"
                                + " whoever reaches it can read and change the tenant registry, the app clients and"
                                + " their secrets (the AWS API paths take any credentials)");
                    }
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
        return start(options, key, console, Limits.DEFAULT);
    }

    /** @param limits the HTTP server's timeouts and limits (tests shorten them) */
    public static LocalApi start(Options options, SigningKey key, PrintStream console, Limits limits) {
        long started = System.nanoTime();
        LocalData data = LocalData.of(options);
        LocalServer server = LocalServer.bind(options.host(), options.port(), limits);
        LocalDeployment deployment = null;
        try {
            deployment = LocalDeployment.start(options.dataDirectory());
            Map<String, Long> loaded = data.loadInto(deployment.loader(), console);
            Clock clock = Clock.systemUTC();
            Map<String, UsagePlan> usagePlans = new LinkedHashMap<>();
            options.plans().values().forEach(plan -> usagePlans.put(UsagePlan.of(plan).id(), UsagePlan.of(plan)));
            List<DemoTenant> demoTenants = new DemoTenants(deployment.dynamoDb(), LocalDeployment.REGISTRY_TABLE_NAME,
                    deployment.userPoolClients(), deployment.apiKeys(), usagePlans, options.defaultPlan())
                    .register(List.copyOf(loaded.keySet()), clock.instant());
            URI base = server.baseUri();
            String issuer = base.toString();
            ClientCredentialsGrant grant = new ClientCredentialsGrant(deployment.userPoolClients(),
                    new PreTokenGeneration(deployment.preTokenGenerationTrigger()),
                    new TokenIssuer(key, issuer, clock), options.accessTokenValidity());
            LambdaAuthorizer lambdaAuthorizer = new LambdaAuthorizer(deployment.authorizer(issuer, console), "GET",
                    RestApiFront.PATH);
            AuthorizerCache authorizer = new AuthorizerCache(lambdaAuthorizer::authorize,
                    Duration.ofSeconds(options.revocationSeconds()));
            server.start(new LocalServer.Services(
                    new RestApiFront(authorizer, new UsagePlanGate(deployment.apiKeys(), usagePlans, clock),
                            deployment.handler(), clock),
                    new TokenEndpoint(grant),
                    new UserPoolApi(deployment.userPoolClients(),
                            new RequestRateLimit(options.cognitoRequestsPerSecond(), clock), clock),
                    new DynamoDbProxy(deployment.dynamoDbEndpoint()),
                    new ManagementApi(deployment.apiKeys(), usagePlans, options.defaultPlan()),
                    key.publicKeys()), console);
            StartupBanner.print(console, base, options, loaded, demoTenants,
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

    /** {@code http://localhost:<port>} (or the {@code --host} address when it is not loopback). */
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
