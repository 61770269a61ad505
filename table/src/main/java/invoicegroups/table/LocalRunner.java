package invoicegroups.table;

/**
 * The ids the local runner answers with where a deployment has generated ones: its one user pool, its REST API and
 * stage. The runner uses them in what it serves (events, usage plans, Cognito's API); the operator command's
 * {@code --endpoint} target uses them to address the runner as it would a stack.
 */
public final class LocalRunner {

    /** The Region the runner's ARNs and events name. */
    public static final String REGION = "us-east-1";

    /** The runner's one user pool, in Cognito's id format ({@code <region>_<id>}). */
    public static final String USER_POOL_ID = "us-east-1_LocalPool";

    /** The runner's REST API id: its usage plans are those whose {@code apiStages} name it. */
    public static final String REST_API_ID = "local";

    /** The runner's one stage. */
    public static final String STAGE = "local";

    private LocalRunner() {
    }
}
