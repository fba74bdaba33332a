package dev.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefitCoalescerTest {
    private static void awaitIssued(RefitCoalescer c, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (c.issued() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + c.issued() + " of " + n + " tickets taken");
            }
            Thread.sleep(1);
        }
    }

    @Test
    void awaitRefit_manyWaitersDuringOneRefit_areCoveredByOneMoreRefit() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        List<Integer> seenByWaiter = java.util.Collections.synchronizedList(new ArrayList<>());
        RefitCoalescer c = new RefitCoalescer(() -> {
            if (runs.incrementAndGet() == 1) {
                firstStarted.countDown();
                try {
                    releaseFirst.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            Future<?> first = pool.submit(c::awaitRefit);
            firstStarted.await();
            List<Future<?>> waiters = new ArrayList<>();
            for (int k = 0; k < 7; k++) {
                waiters.add(pool.submit(() -> {
                    c.awaitRefit();
                    seenByWaiter.add(runs.get()); // a refit that started after this waiter's ticket has completed
                }));
            }
            awaitIssued(c, 8);
            releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> w : waiters) {
                w.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(runs.get()).as("one refit for the first, one for all seven that waited").isEqualTo(2);
        assertThat(c.refits()).isEqualTo(2);
        assertThat(seenByWaiter).hasSize(7).allMatch(r -> r == 2);
    }

    @Test
    void awaitRefit_whenIdle_runsARefitBeforeReturning() {
        AtomicInteger runs = new AtomicInteger();
        RefitCoalescer c = new RefitCoalescer(runs::incrementAndGet);
        c.awaitRefit();
        assertThat(runs.get()).isEqualTo(1);
        c.awaitRefit();
        assertThat(runs.get()).as("a later call needs a refit of its own").isEqualTo(2);
    }

    @Test
    void awaitRefit_failedRefit_leavesTicketOpenForTheNextCaller() {
        AtomicInteger runs = new AtomicInteger();
        RefitCoalescer c = new RefitCoalescer(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("training failed");
            }
        });
        assertThatThrownBy(c::awaitRefit).hasMessage("training failed");
        c.awaitRefit();
        assertThat(runs.get()).isEqualTo(2);
    }
}
