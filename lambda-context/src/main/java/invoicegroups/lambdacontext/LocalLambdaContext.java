package invoicegroups.lambdacontext;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Lambda runtime's per-invocation context for a handler run outside Lambda (the local runner, the benchmark, the
 * function's tests): a request id, the stack's function settings (timeout 10 s counted from creation, 1024 MB), and a
 * logger that keeps every line ({@link #logLines()}) and hands it on to a sink (standard error, or nowhere).
 */
public final class LocalLambdaContext implements Context {

    /** The name the handlers see: the stack's list function. */
    public static final String FUNCTION_NAME = "list-invoice-groups";
    /** The stack's function timeout, so the handler sees the budget it has when deployed. */
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int MEMORY_MB = 1024;

    private final String requestId;
    private final long deadline;
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final LambdaLogger logger;

    /**
     * @param requestId the invocation's request id
     * @param sink where each log line also goes
     */
    public LocalLambdaContext(String requestId, Consumer<String> sink) {
        this.requestId = requestId;
        this.deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logLines.add(message);
                sink.accept(message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }

            @Override
            public void log(String message, LogLevel level) {
                log(level + " " + message);
            }
        };
    }

    /** A new request id; the log lines are only kept (tests, measurements). */
    public LocalLambdaContext() {
        this(UUID.randomUUID().toString(), line -> { });
    }

    /** The log lines also go to standard error (the local runner's console). */
    public static LocalLambdaContext toStandardError(String requestId) {
        return new LocalLambdaContext(requestId, System.err::println);
    }

    /** Every line the handler logged through {@link #getLogger()}, in order. */
    public List<String> logLines() {
        return logLines;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + FUNCTION_NAME;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return FUNCTION_NAME;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + FUNCTION_NAME + ":live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
