package io.costlevel.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ThreadCountersTest {
    /** On JDK 17 getId() can be overridden: two threads claiming one id must still get counters of their own. */
    @Test
    void threadsLyingAboutTheirIdStillGetTheirOwnCounters() throws Exception {
        AtomicReference<ThreadCounters> first = new AtomicReference<>();
        AtomicReference<ThreadCounters> second = new AtomicReference<>();
        runAs(new SameIdThread(() -> first.set(ThreadCounters.current())));
        Thread secondThread = new SameIdThread(() -> second.set(ThreadCounters.current()));
        runAs(secondThread);

        assertThat(first.get()).isNotNull().isNotSameAs(second.get());
        assertThat(second.get().thread).isSameAs(secondThread);
    }

    @Test
    void theSameThreadAlwaysGetsTheSameCounters() {
        ThreadCounters counters = ThreadCounters.current();
        assertThat(ThreadCounters.current()).isSameAs(counters);
        assertThat(counters.thread).isSameAs(Thread.currentThread());
    }

    private static void runAs(Thread thread) throws InterruptedException {
        thread.start();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
    }

    private static final class SameIdThread extends Thread {
        SameIdThread(Runnable task) {
            super(task);
        }

        @Override
        @SuppressWarnings("deprecation")
        public long getId() {
            return 7;
        }
    }
}
