package invoicegroups.local.cognito;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most so many user-pool-client API calls per second, as Cognito's request-rate quotas allow: a simulated throttle
 * (off unless {@code --cognito-rate-limit} is given), so the operator command's backoff can be seen working locally.
 */
public final class RequestRateLimit {

    private static final long WINDOW_MILLIS = 1000;

    private final int perSecond;
    private final Clock clock;
    private final Deque<Long> recent = new ArrayDeque<>();

    /** @param perSecond 0 for no limit */
    public RequestRateLimit(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    public static RequestRateLimit none() {
        return new RequestRateLimit(0, Clock.systemUTC());
    }

    /** @return whether one more call fits in the last second (it is counted if so) */
    public synchronized boolean tryAcquire() {
        if (perSecond == 0) {
            return true;
        }
        long now = clock.millis();
        while (!recent.isEmpty() && recent.peekFirst() <= now - WINDOW_MILLIS) {
            recent.removeFirst();
        }
        if (recent.size() >= perSecond) {
            return false;
        }
        recent.addLast(now);
        return true;
    }
}
