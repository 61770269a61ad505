package invoicegroups.ops.tenants;

import invoicegroups.ops.backoff.Backoff;
import invoicegroups.ops.cli.Arguments;
import invoicegroups.ops.cli.Command;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.deployment.Targets;
import invoicegroups.table.TenantId;
import invoicegroups.table.TenantRegistryTable;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code tenants <add|list|suspend|resume|rotate|remove-client|remove>}: results on stdout (credentials as one line
 * each, {@link NewClient#line()}; the list as tab-separated columns), progress and notes on stderr.
 */
public final class TenantsCommand implements Command {

    public static final String USAGE = """
            tenants add TENANT            new tenant: an app client and its secret (printed once), registered active
            tenants add --file FILE       one tenant id per line (# comments, blank lines skipped); existing ones are
                                          reported and skipped
            tenants list                  every tenant: status, number of clients, created at (tab-separated)
            tenants suspend TENANT        no new tokens for any of its clients (issued ones last until they expire)
            tenants resume TENANT         tokens again
            tenants rotate TENANT         a second client and secret; the old one works until remove-client
            tenants remove-client CLIENT_ID   removes one client of a tenant that has another
            tenants remove TENANT         removes all its clients and registry entries (its invoice groups stay)""";

    /**
     * Cognito's ClientId: 1 to 128 word characters or '+'
     * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientDescription.html).
     */
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w+]{1,128}");
    /** Bulk runs report progress every this many tenants. */
    static final int PROGRESS_EVERY = 100;

    private final Function<Arguments, Target> targets;
    private final Backoff backoff;
    private final Clock clock;

    public TenantsCommand() {
        this(Targets::resolve, Backoff.COGNITO, Clock.systemUTC());
    }

    public TenantsCommand(Function<Arguments, Target> targets, Backoff backoff, Clock clock) {
        this.targets = targets;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Override
    public void run(Arguments arguments, PrintStream out, PrintStream err) {
        if (arguments.words().isEmpty()) {
            throw CommandFailure.usage("tenants needs a sub-command: add, list, suspend, resume, rotate,"
                    + " remove-client or remove (see --help)");
        }
        String sub = arguments.words().get(0);
        Arguments rest = arguments.rest();
        Set<String> options = new HashSet<>(Arguments.TARGET_OPTIONS);
        switch (sub) {
            case "add" -> {
                options.add("--file");
                rest.allowOnly("tenants add", options);
                if (rest.option("--file").isPresent()) {
                    rest.operands(0, "tenants add --file FILE (no TENANT with --file)");
                    String file = rest.option("--file").get();
                    List<String> ids = TenantFile.read(file);
                    withTenants(rest, tenants -> addAll(tenants, ids, file, out, err));
                } else {
                    String tenant = tenant(rest.operands(1, "tenants add TENANT | tenants add --file FILE").get(0));
                    withTenants(rest, tenants -> {
                        out.println(tenants.add(tenant).line());
                        err.println("the client secret is shown only this once: keep it in your secret store");
                    });
                }
            }
            case "list" -> {
                rest.allowOnly("tenants list", options).operands(0, "tenants list");
                withTenants(rest, tenants -> list(tenants, out, err));
            }
            case "suspend", "resume" -> {
                rest.allowOnly("tenants " + sub, options);
                String tenant = tenant(rest.operands(1, "tenants " + sub + " TENANT").get(0));
                boolean suspend = sub.equals("suspend");
                withTenants(rest, tenants -> {
                    int count = tenants.setStatus(tenant,
                            suspend ? TenantRegistryTable.SUSPENDED : TenantRegistryTable.ACTIVE);
                    out.println("tenant " + tenant + " " + (suspend ? "suspended" : "resumed") + " (" + clients(count)
                            + ")");
                    if (suspend) {
                        err.println("no new tokens; tokens issued before stay valid until they expire");
                    }
                });
            }
            case "rotate" -> {
                rest.allowOnly("tenants rotate", options);
                String tenant = tenant(rest.operands(1, "tenants rotate TENANT").get(0));
                withTenants(rest, tenants -> {
                    Tenants.Rotation rotation = tenants.rotate(tenant);
                    out.println(rotation.created().line());
                    err.println("the new client secret is shown only this once; the previous client"
                            + (rotation.previousClientIds().size() == 1 ? "" : "s") + " "
                            + String.join(", ", rotation.previousClientIds())
                            + " keep working until: tenants remove-client CLIENT_ID");
                });
            }
            case "remove-client" -> {
                rest.allowOnly("tenants remove-client", options);
                String clientId = rest.operands(1, "tenants remove-client CLIENT_ID").get(0);
                if (!CLIENT_ID.matcher(clientId).matches()) {
                    throw CommandFailure.usage("CLIENT_ID must be an app client id (1 to 128 letters, digits, '_'"
                            + " or '+')");
                }
                withTenants(rest, tenants -> {
                    RegisteredClient removed = tenants.removeClient(clientId);
                    out.println("client " + removed.clientId() + " of tenant " + removed.tenantId() + " removed");
                });
            }
            case "remove" -> {
                rest.allowOnly("tenants remove", options);
                String tenant = tenant(rest.operands(1, "tenants remove TENANT").get(0));
                withTenants(rest, tenants -> {
                    int count = tenants.remove(tenant);
                    out.println("tenant " + tenant + " removed (" + clients(count) + ")");
                    err.println("its invoice groups stay in the invoice groups table");
                });
            }
            default -> throw CommandFailure.usage("tenants has no sub-command " + Arguments.bounded(sub)
                    + ": add, list, suspend, resume, rotate, remove-client or remove (see --help)");
        }
    }

    private void withTenants(Arguments arguments, Consumer<Tenants> action) {
        try (Target target = targets.apply(arguments)) {
            action.accept(new Tenants(target, backoff, clock));
        }
    }

    private static void addAll(Tenants tenants, List<String> ids, String file, PrintStream out, PrintStream err) {
        int added = 0;
        int existing = 0;
        long started = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            String tenant = ids.get(i);
            try {
                if (tenants.exists(tenant)) {
                    existing++;
                    err.println("tenant " + tenant + " already exists: skipped");
                } else {
                    out.println(tenants.add(tenant).line());
                    out.flush();
                    added++;
                }
            } catch (CommandFailure e) {
                throw e.withContext(" (stopped at tenant " + tenant + ", " + (i + 1) + " of " + ids.size() + " in "
                        + file + ": " + added + " added, their credentials are above; run again to add the rest)");
            }
            if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < ids.size()) {
                err.printf("%d of %d tenants done (%d s)%n", i + 1, ids.size(),
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        err.println("added " + added + " tenant" + (added == 1 ? "" : "s") + ", " + existing
                + " already existed (skipped); the client secrets are shown only this once");
    }

    private static void list(Tenants tenants, PrintStream out, PrintStream err) {
        List<Tenants.TenantSummary> all = tenants.list();
        out.println("tenant\tstatus\tclients\tcreated_at");
        for (Tenants.TenantSummary tenant : all) {
            out.println(tenant.tenantId() + "\t" + tenant.status() + "\t" + tenant.clients() + "\t"
                    + tenant.createdAt());
        }
        err.println(all.size() + " tenant" + (all.size() == 1 ? "" : "s"));
    }

    private static String tenant(String candidate) {
        if (!TenantId.isValid(candidate)) {
            throw CommandFailure.usage("TENANT must be a tenant id: " + TenantId.RULE);
        }
        return candidate;
    }

    private static String clients(int count) {
        return count + " client" + (count == 1 ? "" : "s");
    }
}
