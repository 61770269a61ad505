package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.ops.Outcome;
import invoicegroups.ops.cli.Environment;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The races of issue 16, each forced deterministically: the step seam ({@link Environment.Steps}) runs a second
 * command at the worst moment of the first, then the outcome is checked against the rule the token trigger and the
 * authorizer apply ({@link Registry#getsToken}). The random interleavings are {@link ConcurrencyTest}'s.
 */
class RaceTest extends WithStandIns {

    @Test
    void aRotationThatCommitsAfterRemoveReadMakesRemoveLoseWithNothingRemoved() {
        standIns.tenants("add", "rr1");
        AtomicReference<Outcome> rotate = new AtomicReference<>();

        Outcome remove = standIns.run(between("remove", "read", () -> standIns.tenants("rotate", "rr1"), rotate),
                "remove", "rr1");

        assertThat(rotate.get().status()).as(rotate.get().err()).isZero();
        assertThat(remove.status()).isEqualTo(5);
        assertThat(remove.errorLine()).isEqualTo("error: tenant rr1 was changed by another command at the same time:"
                + " nothing was removed; try again");
        Registry state = Registry.of(standIns, "rr1");
        assertThat(state.clientIds()).hasSize(2).isEqualTo(state.appClients()).isEqualTo(state.clientRecordIds());
    }

    @Test
    void aRemoveWhileARotationIsUnderWayMakesTheRotationUndoItself() {
        standIns.tenants("add", "rr2");
        AtomicReference<Outcome> remove = new AtomicReference<>();

        Outcome rotate = standIns.run(between("rotate", "app-client-created", () -> standIns.tenants("remove", "rr2"),
                remove), "rotate", "rr2");

        assertThat(remove.get().status()).as(remove.get().err()).isZero();
        assertThat(remove.get().out()).isEqualTo("tenant rr2 removed (1 client)" + System.lineSeparator());
        assertThat(rotate.status()).isEqualTo(5);
        assertThat(rotate.errorLine()).startsWith("error: tenant rr2 was removed or taken over by tenants check"
                + " --repair during the rotation: no client was added");
        Registry state = Registry.of(standIns, "rr2");
        assertThat(state.removed()).isTrue();
        assertThat(state.appClients()).as("the rotated client is gone too").isEmpty();
        assertThat(state.clientRecords()).isEmpty();
        assertThat(state.apiKeys()).isEmpty();
    }

    @Test
    void aSuspendWhileARotationIsUnderWayLeavesNoClientThatGetsAToken() {
        standIns.tenants("add", "rr3");
        AtomicReference<Outcome> suspend = new AtomicReference<>();

        Outcome rotate = standIns.run(between("rotate", "app-client-created", () -> standIns.tenants("suspend", "rr3"),
                suspend), "rotate", "rr3");

        assertThat(suspend.get().status()).isZero();
        assertThat(rotate.status()).as(rotate.err()).isZero();
        Registry state = Registry.of(standIns, "rr3");
        assertThat(state.status()).isEqualTo("suspended");
        assertThat(state.appClients()).hasSize(2).allSatisfy(client -> assertThat(state.getsToken(client))
                .as("client " + client + " of the suspended tenant").isFalse());
        assertThat(standIns.tenants("resume", "rr3").status()).isZero();
        Registry resumed = Registry.of(standIns, "rr3");
        assertThat(resumed.appClients()).allSatisfy(client -> assertThat(resumed.getsToken(client)).isTrue());
    }

    @Test
    void twoRemoveClientsAtOnceNeverTakeTheLastClient() {
        String first = TenantsFlowTest.clientId(standIns.tenants("add", "rr4"));
        String second = TenantsFlowTest.clientId(standIns.tenants("rotate", "rr4"));
        AtomicReference<Outcome> other = new AtomicReference<>();

        Outcome removeFirst = standIns.run(between("remove-client", "read",
                () -> standIns.tenants("remove-client", second), other), "remove-client", first);

        assertThat(other.get().status()).isZero();
        assertThat(removeFirst.status()).isEqualTo(5);
        Registry state = Registry.of(standIns, "rr4");
        assertThat(state.clientIds()).containsExactly(first).isEqualTo(state.appClients());
    }

    @Test
    void aSecondAddWhileTheFirstIsUnderWayIsAConflictAndTheFirstCompletes() {
        AtomicReference<Outcome> second = new AtomicReference<>();

        Outcome first = standIns.run(between("add", "api-key-attached", () -> standIns.tenants("add", "rr5"), second),
                "add", "rr5");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(second.get().status()).isEqualTo(5);
        assertThat(second.get().errorLine()).startsWith("error: tenant rr5 is being added by another command since ");
        Registry state = Registry.of(standIns, "rr5");
        assertThat(state.clientIds()).hasSize(1).isEqualTo(state.appClients());
        assertThat(state.apiKeys()).hasSize(1);
    }

    @Test
    void aRepairWhileAnAddIsUnderWayTakesItOverAndTheAddUndoesItself() {
        AtomicReference<Outcome> repair = new AtomicReference<>();

        Outcome add = standIns.run(between("add", "app-client-created", () -> standIns.tenants("check", "--repair"),
                repair), "add", "rr6");

        assertThat(repair.get().out()).contains("rr6: a add under way since");
        assertThat(add.status()).isEqualTo(5);
        assertThat(add.errorLine()).isEqualTo("error: tenant rr6 was removed or taken over by tenants check --repair"
                + " while it was being added: nothing was added");
        Registry state = Registry.of(standIns, "rr6");
        assertThat(state.removed()).isTrue();
        assertThat(state.appClients()).isEmpty();
        assertThat(state.apiKeys()).isEmpty();
        assertThat(standIns.tenants("check").err()).contains("all consistent");
    }

    /** An environment that, once {@code command} has passed {@code step}, runs {@code meanwhile} to its end. */
    private static Environment between(String command, String step, Supplier<Outcome> meanwhile,
            AtomicReference<Outcome> outcome) {
        return new Environment(StandIns.QUICK, Clock.systemUTC(), (name, passed) -> {
            if (name.equals(command) && passed.equals(step) && outcome.get() == null) {
                outcome.set(meanwhile.get());
            }
        });
    }
}
