package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.ops.Outcome;
import invoicegroups.ops.Parallel;
import invoicegroups.table.TenantRegistryTable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Commands on one tenant from several threads at once, each a whole {@code ops} run against DynamoDB Local and the
 * stand-ins: whatever the interleaving, a tenant id exists at most once, a removed tenant has nothing left, a
 * suspended tenant's clients get no token, every client record has its app client, and the losers exit 5.
 */
class ConcurrencyTest {

    /** Trials of the ten parallel adds (issue 16 saw 5, 1, 3, 2 and 4 winners in five). */
    static final int ADD_TRIALS = 5;
    private static StandIns standIns;
    private static final AtomicInteger TENANTS = new AtomicInteger();

    enum Command { ADD, ROTATE, SUSPEND, RESUME, REMOVE, REMOVE_CLIENT }

    @BeforeContainer
    static void start() {
        standIns = StandIns.start();
    }

    @AfterContainer
    static void stop() {
        standIns.close();
    }

    @Example
    void tenParallelAddsOfOneTenantMakeExactlyOneTenantWithOneClient() throws Exception {
        for (int trial = 1; trial <= ADD_TRIALS; trial++) {
            String tenant = "same-" + trial;
            List<Outcome> outcomes = together(10, i -> standIns.tenants("add", tenant));

            assertThat(outcomes).filteredOn(outcome -> outcome.status() == 0).as("trial " + trial).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> outcome.status() != 0).as("trial " + trial)
                    .hasSize(9).allSatisfy(outcome -> {
                        assertThat(outcome.status()).as(outcome.err()).isEqualTo(5);
                        assertThat(outcome.err().lines()).hasSize(1);
                        assertThat(outcome.out()).isEmpty();
                    });
            Registry state = Registry.of(standIns, tenant);
            assertThat(state.clientIds()).hasSize(1);
            assertThat(state.appClients()).isEqualTo(state.clientIds());
            assertThat(state.clientRecordIds()).isEqualTo(state.clientIds());
            assertThat(state.apiKeys()).containsExactly(state.tenant().get("apiKeyId").s());
        }
        assertThat(standIns.tenants("check").err()).contains("all consistent");
    }

    @Property(tries = 20)
    void anyInterleavingOfCommandsOnOneTenantKeepsTheInvariants(
            @ForAll("schedules") List<List<Command>> threads) throws Exception {
        String tenant = "mixed-" + TENANTS.incrementAndGet();
        standIns.tenants("add", tenant);

        java.util.Queue<String> statuses = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Outcome> outcomes = together(threads.size(), i -> {
            Outcome last = null;
            for (Command command : threads.get(i)) {
                last = run(command, tenant);
                assertThat(last.status()).as(command + ": " + last.err()).isIn(0, 4, 5);
                statuses.add(command + " exit " + last.status());
                assertThat(last.err().lines().filter(line -> line.startsWith("error: "))).hasSizeLessThanOrEqualTo(1);
            }
            return last;
        });

        assertThat(outcomes).isNotEmpty();
        statuses.forEach(status -> Statistics.label("commands").collect(status));
        Registry state = Registry.of(standIns, tenant);
        if (state.removed()) {
            assertThat(state.appClients()).as("a removed tenant's app clients").isEmpty();
            assertThat(state.clientRecords()).as("a removed tenant's client records").isEmpty();
            assertThat(state.apiKeys()).as("a removed tenant's API keys").isEmpty();
        } else {
            assertThat(state.tenant()).doesNotContainKey("pendingId");
            assertThat(state.clientRecordIds()).isEqualTo(state.clientIds());
            assertThat(state.appClients()).as("every client record has its app client, no orphans")
                    .isEqualTo(state.clientIds());
            assertThat(state.apiKeys()).containsExactly(state.tenant().get("apiKeyId").s());
            assertThat(standIns.apiGateway.plansOf(state.tenant().get("apiKeyId").s())).containsExactly("standard");
        }
        for (String clientId : state.appClients()) {
            if (TenantRegistryTable.SUSPENDED.equals(state.status()) || state.removed()) {
                assertThat(state.getsToken(clientId)).as("client " + clientId + " of a " + (state.removed()
                        ? "removed" : "suspended") + " tenant").isFalse();
            }
        }
        assertThat(standIns.tenants("check").err()).as("nothing for tenants check to find").contains("all consistent");
    }

    @Provide
    Arbitrary<List<List<Command>>> schedules() {
        Arbitrary<List<Command>> thread = Arbitraries.of(Command.class).list().ofMinSize(1).ofMaxSize(4);
        return thread.list().ofMinSize(2).ofMaxSize(4);
    }

    private static Outcome run(Command command, String tenant) {
        return switch (command) {
            case ADD -> standIns.tenants("add", tenant);
            case ROTATE -> standIns.tenants("rotate", tenant);
            case SUSPEND -> standIns.tenants("suspend", tenant);
            case RESUME -> standIns.tenants("resume", tenant);
            case REMOVE -> standIns.tenants("remove", tenant);
            case REMOVE_CLIENT -> {
                Registry state = Registry.of(standIns, tenant);
                String clientId = state.clientIds().isEmpty() ? "noclient" : state.clientIds().iterator().next();
                yield standIns.tenants("remove-client", clientId);
            }
        };
    }

    /** Runs {@code count} tasks released at the same instant; their results in order. */
    static List<Outcome> together(int count, Parallel.Task<Outcome> task) throws Exception {
        return Parallel.together(count, task);
    }
}
