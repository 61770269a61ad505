package invoicegroups.local;

import invoicegroups.local.cognito.DemoClient;
import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.cognito.LocalUserPool;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the runner prints once it answers: where, with what data, the demo clients, and a curl pair to paste. */
public final class StartupBanner {

    /** More demo clients than this (a data file of many tenants) are summed up in one line. */
    static final int DEMO_CLIENTS_SHOWN = 20;

    private StartupBanner() {
    }

    public static void print(PrintStream out, URI base, Options options, Map<String, Long> loaded,
            List<DemoClient> demoClients, Duration startup) {
        String data = options.dataDirectory().map(dir -> "kept in " + dir.toAbsolutePath()).orElse("in memory");
        String tenants = loaded.entrySet().stream()
                .map(tenant -> tenant.getKey() + " " + tenant.getValue())
                .collect(Collectors.joining(", "));
        out.printf("%nList Invoice Groups API on %s (started in %.1f s)%n", base, startup.toMillis() / 1000.0);
        out.printf("  GET  %s/invoice_groups         the API: REST API + Lambda authorizer + the Lambda handler%n", base);
        out.printf("  POST %s/oauth2/token           token endpoint, as Cognito's (client credentials)%n", base);
        out.printf("  GET  %s/.well-known/jwks.json  the token signing keys%n", base);
        out.printf("  GET  %s/openapi.yaml           the OpenAPI document%n", base);
        out.printf("  POST %s/                       Cognito's user-pool-client API and DynamoDB's API (X-Amz-Target)%n",
                base);
        out.printf("User pool %s (access tokens valid %d min); DynamoDB Local (%s), tables %s, %s%n",
                LocalUserPool.ID, options.accessTokenValidity().toMinutes(), data, LocalDeployment.TABLE_NAME,
                LocalDeployment.REGISTRY_TABLE_NAME);
        out.printf("Invoice groups loaded: %s%n", tenants);
        out.printf("%nDemo clients (client id:secret, tenant, allowed scopes):%n");
        demoClients.stream().limit(DEMO_CLIENTS_SHOWN).forEach(client -> out.printf("  %-36s %-7s %s%n",
                client.clientId() + ":" + client.clientSecret(), client.tenantId(),
                String.join(" ", client.allowedScopes())));
        if (demoClients.size() > DEMO_CLIENTS_SHOWN) {
            out.printf("  ... and %d more: <tenant>-demo:<tenant>-demo-secret for every tenant loaded%n",
                    demoClients.size() - DEMO_CLIENTS_SHOWN);
        }
        out.printf("%nTry it:%n");
        out.println("  " + tokenCommand(base, DemoClients.ACME));
        out.println("  " + listCommand(base));
        out.printf("%nCtrl-C stops.%n");
        out.flush();
    }

    /**
     * Gets a token and keeps it in $TOKEN. No scope asked, so all the client's scopes are granted, as with Cognito;
     * sed rather than jq, so it runs where jq is not installed.
     */
    public static String tokenCommand(URI base, DemoClient client) {
        return "TOKEN=$(curl -s -u " + client.clientId() + ":" + client.clientSecret()
                + " -d grant_type=client_credentials " + base + "/oauth2/token"
                + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')";
    }

    public static String listCommand(URI base) {
        return "curl -s -H \"Authorization: Bearer $TOKEN\" " + base + "/invoice_groups";
    }
}
