package io.github.cptestkit.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Pollers started together that each poll until the queue is empty; bounded in time. */
public final class ConcurrentPollers {

    private ConcurrentPollers() {}

    /**
     * Runs {@code threads} pollers at once; poller {@code p} calls {@code poll.apply(p)} until it answers no job.
     * Returns every job id handed out, in no particular order; fails if a poller takes longer than 60 seconds.
     */
    public static List<String> drain(int threads, IntFunction<Callable<List<String>>> poll) throws Exception {
        Queue<String> dispatched = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pollers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < threads; p++) {
                Callable<List<String>> poller = poll.apply(p);
                done.add(pollers.submit(() -> {
                    go.await();
                    List<String> ids;
                    while (!(ids = poller.call()).isEmpty()) {
                        dispatched.addAll(ids);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> poller : done) {
                poller.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pollers.shutdownNow();
        }
        return List.copyOf(dispatched);
    }
}
