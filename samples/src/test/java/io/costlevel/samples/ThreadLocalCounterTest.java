package io.costlevel.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadLocalCounterTest {

    @Test
    void sumsIncrementsMadeThroughTheCounterAndThroughEachThreadsSlot() throws InterruptedException {
        S11_ThreadLocalCounter counter = new S11_ThreadLocalCounter();
        Runnable half = () -> {
            Counter mine = counter.forCurrentThread();
            for (int i = 0; i < 1_000; i++) {
                mine.increment();
                counter.increment();
            }
        };
        Thread first = new Thread(half);
        Thread second = new Thread(half);
        first.start();
        second.start();
        first.join();
        second.join();

        assertThat(counter.value()).isEqualTo(4_000);
    }

    @Test
    void eachThreadGetsItsOwnSlotOnce() throws InterruptedException {
        S11_ThreadLocalCounter counter = new S11_ThreadLocalCounter();
        Counter[] otherThreadsSlot = new Counter[1];
        Thread other = new Thread(() -> otherThreadsSlot[0] = counter.forCurrentThread());
        other.start();
        other.join();

        assertThat(counter.forCurrentThread()).isSameAs(counter.forCurrentThread()).isNotSameAs(otherThreadsSlot[0]);
    }
}
