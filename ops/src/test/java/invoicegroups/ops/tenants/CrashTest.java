package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import invoicegroups.ops.Outcome;
import invoicegroups.ops.cli.Environment;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A crash after each step of add, rotate, plan, remove and remove-client: the seam ({@link Environment.Steps})
 * throws an {@link Error} there, which no undo code catches, so the command stops dead as a killed process would.
 * Then {@code tenants check} reports what is left, {@code --repair} fixes it, and a second {@code --repair} changes
 * nothing.
 */
class CrashTest extends WithStandIns {

    /** The process dies here. */
    static final class Crash extends Error {
        Crash(String where) {
            super("crash after " + where, null, false, false);
        }
    }

    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of("add", "registered", true),
                Arguments.of("add", "api-key-created", true),
                Arguments.of("add", "api-key-attached", true),
                Arguments.of("add", "app-client-created", true),
                Arguments.of("add", "committed", false),
                Arguments.of("rotate", "read", false),
                Arguments.of("rotate", "marked", true),
                Arguments.of("rotate", "app-client-created", true),
                Arguments.of("rotate", "committed", false),
                Arguments.of("plan", "marked", true),
                Arguments.of("plan", "api-key-detached", true),
                Arguments.of("plan", "api-key-attached", true),
                Arguments.of("plan", "committed", false),
                Arguments.of("remove", "read", false),
                Arguments.of("remove", "unregistered", true),
                Arguments.of("remove", "app-client-deleted", true),
                Arguments.of("remove", "api-key-deleted", false),
                Arguments.of("remove-client", "read", false),
                Arguments.of("remove-client", "unregistered", true),
                Arguments.of("remove-client", "app-client-deleted", false));
    }

    @ParameterizedTest(name = "{0} crashes after {1}")
    @MethodSource("steps")
    void checkReportsWhatACrashLeftRepairFixesItAndASecondRepairChangesNothing(String command, String step,
            boolean leavesSomething) {
        String keep = TenantsFlowTest.clientId(standIns.tenants("add", "acme"));
        if (!command.equals("add")) {
            TenantsFlowTest.clientId(standIns.tenants("rotate", "acme"));
        }
        Environment crashing = new Environment(StandIns.QUICK, Clock.systemUTC(), (name, passed) -> {
            if (name.equals(command) && passed.equals(step)) {
                throw new Crash(name + " " + passed);
            }
        });
        String tenant = command.equals("add") ? "globex" : "acme";
        List<String> args = switch (command) {
            case "plan" -> List.of("plan", tenant, "premium");
            case "remove-client" -> List.of("remove-client", keep);
            default -> List.of(command, tenant);
        };

        Throwable crash = catchThrowable(() -> standIns.run(crashing, args.toArray(String[]::new)));

        assertThat(crash).isInstanceOf(Crash.class);
        Outcome check = standIns.tenants("check");
        assertThat(check.status()).isZero();
        if (leavesSomething) {
            assertThat(check.out()).as("check reports what the crash left").isNotBlank();
            assertThat(check.err()).contains("tenants check --repair fixes them");
        } else {
            assertThat(check.err()).contains("all consistent");
        }

        Outcome repair = standIns.tenants("check", "--repair");

        assertThat(repair.status()).as(repair.err()).isZero();
        assertThat(repair.out().lines()).allSatisfy(line -> assertThat(line).contains(" -> "));
        assertThat(standIns.tenants("check").err()).as("after the repair").contains("all consistent");
        String repaired = standIns.snapshot();
        long writes = standIns.cognito.writes();
        Outcome again = standIns.tenants("check", "--repair");
        assertThat(again.err()).contains("all consistent");
        assertThat(standIns.cognito.writes()).as("writes of the second repair").isEqualTo(writes);
        assertThat(standIns.snapshot()).isEqualTo(repaired);
        outcome(step.equals("read") ? "nothing" : command).accept(Registry.of(standIns, tenant));
    }

    /**
     * What the repair leaves, by command: the crashed command finished or rolled back, never half ({@code nothing}:
     * it crashed after its read, before any change).
     */
    private static Consumer<Registry> outcome(String command) {
        return state -> {
            switch (command) {
                case "add" -> {
                    if (!state.removed()) {
                        assertThat(state.clientIds()).hasSize(1);
                    } else {
                        assertThat(state.appClients()).isEmpty();
                        assertThat(state.apiKeys()).isEmpty();
                    }
                }
                case "remove" -> {
                    assertThat(state.removed()).isTrue();
                    assertThat(state.appClients()).isEmpty();
                    assertThat(state.apiKeys()).isEmpty();
                    assertThat(state.clientRecords()).isEmpty();
                }
                case "plan" -> assertThat(state.tenant().get("plan").s()).isEqualTo("premium");
                case "nothing" -> assertThat(state.clientIds()).hasSize(2).isEqualTo(state.appClients());
                default -> {
                    assertThat(state.appClients()).isEqualTo(state.clientIds());
                    assertThat(state.clientRecordIds()).isEqualTo(state.clientIds());
                }
            }
            if (!state.removed()) {
                assertThat(state.tenant()).doesNotContainKey("pendingId");
                assertThat(state.apiKeys()).containsExactly(state.tenant().get("apiKeyId").s());
            }
        };
    }

    @Test
    void anUnexpectedExceptionInACommandIsStillOneLine() {
        Environment broken = new Environment(StandIns.QUICK, Clock.systemUTC(), (command, step) -> {
            throw new IllegalStateException("first line\nsecond line");
        });

        Outcome outcome = standIns.run(broken, "add", "acme");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("error: unexpected java.lang.IllegalStateException: first line"
                + System.lineSeparator());
    }
}
