package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.ops.Ops;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the operator command ({@code ops}) against a running local runner: status, stdout, stderr. */
record OperatorCommand(int status, String out, String err) {

    /** {@code tenants <args> --endpoint <the runner>}. */
    static OperatorCommand tenants(URI endpoint, String... args) {
        List<String> all = new ArrayList<>(List.of("tenants"));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoint", endpoint.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Ops.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new OperatorCommand(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The credentials printed by {@code tenants add} or {@code rotate}: {@code tenant T client_id I client_secret S}. */
    static Credentials credentials(String line) {
        String[] words = line.strip().split(" ");
        assertThat(words).hasSize(6);
        return new Credentials(words[1], words[3], words[5]);
    }

    Credentials credentials() {
        assertThat(status).as(err).isZero();
        return credentials(out);
    }

    record Credentials(String tenantId, String clientId, String clientSecret) {
    }
}
