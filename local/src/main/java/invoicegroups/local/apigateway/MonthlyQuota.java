package invoicegroups.local.apigateway;

import java.time.YearMonth;

/**
 * A usage plan's quota for one API key, period {@code MONTH} with offset 0: at most {@code limit} requests from the
 * first of each calendar month (UTC) on, counted in memory (a restart starts every count afresh).
 */
final class MonthlyQuota {

    private final long limit;
    private YearMonth month;
    private long used;

    MonthlyQuota(long limit) {
        this.limit = limit;
    }

    /** @return whether the request fits this month's quota (it is counted if so) */
    synchronized boolean tryCount(YearMonth now) {
        if (!now.equals(month)) {
            month = now;
            used = 0;
        }
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }
}
