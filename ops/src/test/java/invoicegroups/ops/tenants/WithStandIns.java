package invoicegroups.ops.tenants;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A tenants test whose every method runs against fresh {@link StandIns}: an empty registry, new Cognito and API keys. */
abstract class WithStandIns {

    StandIns standIns;

    @BeforeEach
    final void startStandIns() {
        standIns = StandIns.start();
    }

    @AfterEach
    final void closeStandIns() {
        standIns.close();
    }
}
