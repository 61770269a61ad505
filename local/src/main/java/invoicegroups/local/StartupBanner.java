package invoicegroups.local;

import invoicegroups.local.DemoTenants.DemoTenant;
import invoicegroups.local.cognito.DemoClient;
import invoicegroups.local.cognito.LocalUserPool;
import invoicegroups.table.LocalRunner;
import invoicegroups.table.Plan;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the runner prints once it answers: where, with what data and plans, the demo clients (each with its tenant's
 * status), and a pair of commands to paste that works as printed: a token for the first active tenant loaded, then
 * its invoice groups.
 */
public final class StartupBanner {

    /** More demo clients than this (a data file of many tenants) are summed up in one line. */
    static final int DEMO_CLIENTS_SHOWN = 20;

    private StartupBanner() {
    }

    public static void print(PrintStream out, URI base, Options options, Map<String, Long> loaded,
            List<DemoTenant> tenants, Duration startup) {
        String data = options.dataDirectory().map(dir -> "kept in " + dir.toAbsolutePath()).orElse("in memory");
        String groups = loaded.isEmpty() ? "none (no tenant in the data)" : loaded.entrySet().stream()
                .map(tenant -> tenant.getKey() + " " + tenant.getValue())
                .collect(Collectors.joining(", "));
        out.printf("%nList Invoice Groups API on %s (started in %.1f s)%n", base, startup.toMillis() / 1000.0);
        out.printf("  GET  %s/invoice_groups         the API: REST API + Lambda authorizer + usage plans + the Lambda"
                + " handler%n", base);
        out.printf("  POST %s/oauth2/token           token endpoint, as Cognito's (client credentials)%n", base);
        out.printf("  GET  %s/.well-known/jwks.json  the token signing keys%n", base);
        out.printf("  GET  %s/openapi.yaml           the OpenAPI document%n", base);
        out.printf("  POST %s/                       Cognito's user-pool-client API and DynamoDB's API (X-Amz-Target)%n",
                base);
        out.printf("       %s/apikeys, /usageplans   API Gateway's API-key and usage-plan API (REST API local, stage"
                + " local)%n", base);
        out.printf("User pool %s (access tokens valid %d min); DynamoDB Local (%s), tables %s, %s%n",
                LocalRunner.USER_POOL_ID, options.accessTokenValidity().toMinutes(), data, LocalDeployment.TABLE_NAME,
                LocalDeployment.REGISTRY_TABLE_NAME);
        out.printf("Usage plans, limits per tenant: %s; demo tenants on %s. Authorizer decisions kept %d s%n",
                options.plans().values().stream().map(StartupBanner::limits).collect(Collectors.joining(", ")),
                options.defaultPlan(), options.revocationSeconds());
        out.printf("Invoice groups loaded: %s%n", groups);
        List<DemoTenant> shown = tenants;
        if (!tenants.isEmpty()) {
            out.printf("%nDemo clients (client id:secret, tenant, allowed scopes):%n");
            long clients = tenants.stream().mapToLong(tenant -> tenant.clients().size()).sum();
            tenants.stream().flatMap(tenant -> tenant.clients().stream().map(client -> line(tenant, client)))
                    .limit(DEMO_CLIENTS_SHOWN).forEach(out::println);
            if (clients > DEMO_CLIENTS_SHOWN) {
                out.printf("  ... and %d more: <tenant>-demo:<tenant>-demo-secret for every tenant loaded%n",
                        clients - DEMO_CLIENTS_SHOWN);
            }
        }
        out.printf("%n");
        Optional<DemoTenant> first = shown.stream().filter(DemoTenant::active).findFirst()
                .or(() -> shown.stream().findFirst());
        if (first.isEmpty()) {
            out.printf("No tenant in the data: onboard one with%n  java -jar ops/target/invoice-groups-ops.jar"
                    + " tenants add TENANT --endpoint %s%n", base);
        } else {
            DemoTenant tenant = first.get();
            out.printf("Try it%s:%n", tenant.active() ? "" : " (tenant " + tenant.tenantId() + " is " + tenant.status()
                    + ": the token endpoint's answer is shown instead of a token)");
            out.println("  " + tokenCommand(base, tenant.clients().get(0)));
            out.println("  " + listCommand(base));
        }
        out.printf("%nCtrl-C stops.%n");
        out.flush();
    }

    private static String line(DemoTenant tenant, DemoClient client) {
        String status = tenant.active() ? "" : "  (" + tenant.status() + ")";
        return String.format("  %-36s %-7s %s%s", client.clientId() + ":" + client.clientSecret(), client.tenantId(),
                String.join(" ", client.allowedScopes()), status);
    }

    /** {@code standard 10/s burst 20} and, with a quota, {@code 1000000/month}. */
    static String limits(Plan plan) {
        String rate = plan.rateLimit() == Math.rint(plan.rateLimit()) ? Long.toString((long) plan.rateLimit())
                : Double.toString(plan.rateLimit());
        return plan.name() + " " + rate + "/s burst " + plan.burstLimit()
                + plan.monthlyQuota().stream().mapToObj(quota -> " " + quota + "/month").findFirst().orElse("");
    }

    /**
     * Gets a token and keeps it in $TOKEN. No scope asked, so all the client's scopes are granted, as with Cognito;
     * sed rather than jq, so it runs where jq is not installed. When the token endpoint answers anything but a token
     * (a suspended tenant, a wrong secret) that answer goes to stderr, and curl's own errors too ({@code -sS}).
     */
    public static String tokenCommand(URI base, DemoClient client) {
        return "TOKEN=$(curl -sS -u " + client.clientId() + ":" + client.clientSecret()
                + " -d grant_type=client_credentials " + base + "/oauth2/token"
                + " | sed -nE 's/.*\"access_token\":\"([^\"]+)\".*/\\1/p; t; w /dev/stderr')";
    }

    public static String listCommand(URI base) {
        return "curl -s -H \"Authorization: Bearer $TOKEN\" " + base + "/invoice_groups";
    }
}
