package invoicegroups.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Commands run from several threads released at the same instant (the concurrency tests, here and in the runner's). */
public final class Parallel {

    private Parallel() {
    }

    /** Runs {@code count} tasks released at the same instant; their results in order. */
    public static <T> List<T> together(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's work; {@code index} is its number, 0 to count - 1. */
    @FunctionalInterface
    public interface Task<T> {
        T run(int index) throws Exception;
    }
}
