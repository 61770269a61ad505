package invoicegroups.lambdacontext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalLambdaContextTest {

    @Test
    void everyLogLineIsKeptAndHandedToTheSink() {
        List<String> sink = new ArrayList<>();
        LocalLambdaContext context = new LocalLambdaContext("request-1", sink::add);

        context.getLogger().log("one");
        context.getLogger().log("two".getBytes(StandardCharsets.UTF_8));

        assertThat(context.logLines()).containsExactly("one", "two");
        assertThat(sink).containsExactly("one", "two");
        assertThat(context.getAwsRequestId()).isEqualTo("request-1");
    }

    @Test
    void theHandlerSeesTheStacksTimeoutCountingDown() {
        LocalLambdaContext context = new LocalLambdaContext();

        assertThat(context.getRemainingTimeInMillis()).isBetween(9_000, 10_000);
        assertThat(context.getMemoryLimitInMB()).isEqualTo(1024);
        assertThat(context.getAwsRequestId()).isNotBlank().isNotEqualTo(new LocalLambdaContext().getAwsRequestId());
    }
}
