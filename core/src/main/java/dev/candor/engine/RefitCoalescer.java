package dev.candor.engine;

import java.util.Objects;

/**
 * Single-flight model refits for erasures. Each caller takes a ticket once its deletions are done and
 * returns when a refit that <em>started after</em> its ticket has completed: such a refit cannot
 * have seen the deleted data. Whoever finds no refit running runs one, covering every ticket taken
 * so far; the others wait. So however many erasures arrive together, each waits for at most two
 * refits (the one running when it arrived, and the next), instead of queueing behind one refit per
 * erasure.
 *
 * <p>If a refit fails, its runner gets the exception and the tickets it would have covered stay
 * open: the next waiter runs another refit. Thread-safe.
 */
final class RefitCoalescer {
    private final Runnable refit;
    private long issued;
    private long covered;
    private boolean running;
    private long refits;

    RefitCoalescer(Runnable refit) {
        this.refit = Objects.requireNonNull(refit, "refit");
    }

    /**
     * Returns once a refit that started after this call has completed, running it here if none is
     * running.
     *
     * @throws IllegalStateException when interrupted while waiting (the interrupt flag is kept; the
     *                               deleted data is still covered by the next refit)
     */
    void awaitRefit() {
        long ticket;
        synchronized (this) {
            ticket = ++issued;
        }
        while (true) {
            long target;
            synchronized (this) {
                while (running && covered < ticket) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the model refit", e);
                    }
                }
                if (covered >= ticket) {
                    return;
                }
                running = true;
                target = issued;
                refits++;
            }
            boolean done = false;
            try {
                refit.run();
                done = true;
            } finally {
                synchronized (this) {
                    running = false;
                    if (done) {
                        covered = Math.max(covered, target);
                    }
                    notifyAll();
                }
            }
        }
    }

    /** {@return how many tickets have been taken} */
    synchronized long issued() {
        return issued;
    }

    /** {@return how many refits have been started} */
    synchronized long refits() {
        return refits;
    }
}
