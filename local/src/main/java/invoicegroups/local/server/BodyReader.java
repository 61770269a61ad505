package invoicegroups.local.server;

import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request's body without holding a thread while the client sends it: Jetty calls back when bytes arrive.
 * Stops at the route's limit (the excess is never read), at the body timeout, or when the bytes held by every body
 * being read would pass the memory set aside for them; each outcome is reported once.
 */
final class BodyReader {

    /** How reading a body ended. */
    enum Outcome { READ, TOO_LARGE, TIMEOUT, THROTTLED, FAILED }

    /** The most a body's buffer starts with, whatever its declared length. */
    static final int INITIAL_CAPACITY = 64 * 1024;

    private final AtomicLong memoryLeft;
    private final ScheduledExecutorService timer;
    private final long timeoutNanos;

    BodyReader(long memory, ScheduledExecutorService timer, long timeoutNanos) {
        this.memoryLeft = new AtomicLong(memory);
        this.timer = timer;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * @param done called once with the outcome and, when {@link Outcome#READ}, the body; the bytes it held count
     *     against the memory until {@link Held#release()}
     */
    void read(Request request, Route route, BiConsumer<Outcome, Held> done) {
        new Reading(request, route, done).start();
    }

    /** A body read in full, and the memory it holds until released. */
    final class Held {
        private final byte[] body;
        private final AtomicLong reserved;

        private Held(byte[] body, AtomicLong reserved) {
            this.body = body;
            this.reserved = reserved;
        }

        byte[] body() {
            return body;
        }

        void release() {
            memoryLeft.addAndGet(reserved.getAndSet(0));
        }
    }

    private final class Reading implements Runnable {
        private final Request request;
        private final Route route;
        private final BiConsumer<Outcome, Held> done;
        private final AtomicLong reserved = new AtomicLong();
        private boolean finished;
        private byte[] buffer;
        private int length;
        private ScheduledFuture<?> deadline;

        Reading(Request request, Route route, BiConsumer<Outcome, Held> done) {
            this.request = request;
            this.route = route;
            this.done = done;
            // What the client declares is not yet there: a slow client announcing 16 MB gets 16 MB of heap only as
            // it sends them.
            long declared = request.getLength();
            this.buffer = new byte[(int) Math.max(0, Math.min(declared, INITIAL_CAPACITY))];
        }

        void start() {
            deadline = timer.schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more does. Jetty calls it on a pool thread. */
        @Override
        public void run() {
            Outcome outcome = readAvailable();
            if (outcome != null) {
                complete(outcome);
            }
        }

        private void expire() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                finished = true;
            }
            complete(Outcome.TIMEOUT);
        }

        /** @return how reading ended, or {@code null} while it goes on (or ended elsewhere) */
        private synchronized Outcome readAvailable() {
            while (!finished) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return null;
                }
                Outcome outcome = take(chunk);
                if (outcome != null) {
                    finished = true;
                    return outcome;
                }
            }
            return null;
        }

        private Outcome take(Content.Chunk chunk) {
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    // Jetty's idle timeout: the client stopped sending in the middle of the body.
                    return chunk.getFailure() instanceof TimeoutException ? Outcome.TIMEOUT : Outcome.FAILED;
                }
                int size = chunk.remaining();
                if (length + (long) size > route.maxBody()) {
                    return Outcome.TOO_LARGE;
                }
                if (route.budgeted() && !reserve(size)) {
                    return Outcome.THROTTLED;
                }
                if (length + size > buffer.length) {
                    long grown = Math.max(length + (long) size, 2L * buffer.length);
                    buffer = Arrays.copyOf(buffer, (int) Math.min(route.maxBody(), grown));
                }
                chunk.get(buffer, length, size);
                length += size;
                return chunk.isLast() ? Outcome.READ : null;
            } finally {
                chunk.release();
            }
        }

        private boolean reserve(int size) {
            while (true) {
                long left = memoryLeft.get();
                if (left < size) {
                    return false;
                }
                if (memoryLeft.compareAndSet(left, left - size)) {
                    reserved.addAndGet(size);
                    return true;
                }
            }
        }

        private void complete(Outcome outcome) {
            deadline.cancel(false);
            byte[] body;
            synchronized (this) {
                body = outcome != Outcome.READ ? new byte[0]
                        : length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
                buffer = null;
            }
            Held held = new Held(body, reserved);
            if (outcome != Outcome.READ) {
                held.release();
            }
            done.accept(outcome, held);
        }
    }
}
