package io.costlevel.agent.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.costlevel.agent.output.NotInstrumented;

/** Issue 13: a class some thread is inside is never retransformed, and is reported with its running methods. */
class StackSafeRetransformerTest {
    /** Retransformations asked of the JVM, class by class, in the order asked. */
    private final List<Class<?>> retransformed = new ArrayList<>();
    private Class<?> refused;

    private final Instrumentation inst = (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                if (!method.getName().equals("retransformClasses")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                Class<?>[] classes = (Class<?>[]) args[0];
                for (Class<?> type : classes) {
                    if (type == refused) {
                        throw new UnmodifiableClassException(type.getName()); // the JVM refuses the whole batch
                    }
                }
                retransformed.addAll(List.of(classes));
                return null;
            });

    static final class Busy {
        static void spin(CountDownLatch entered, AtomicBoolean stop) {
            entered.countDown();
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        }
    }

    static final class Idle {}

    static final class Refused {}

    @Test
    void aClassAThreadStaysInsideIsLeftOutWithItsRunningMethodAndTheOthersAreRetransformed() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread loop = new Thread(() -> Busy.spin(entered, stop), "busy");
        loop.start();
        try {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            StackSafeRetransformer.Outcome outcome = new StackSafeRetransformer(inst).retransform(List.of(Busy.class, Idle.class), 3, 10);

            assertThat(retransformed).containsExactly(Idle.class);
            assertThat(outcome.retransformed()).containsExactly(Idle.class);
            assertThat(outcome.running()).containsExactly(Busy.class);
            assertThat(outcome.leftOut()).singleElement().satisfies(left -> {
                assertThat(left.className()).isEqualTo(Busy.class.getName());
                assertThat(left.reason()).isEqualTo(NotInstrumented.ON_STACK);
                assertThat(left.methods()).contains("spin");
            });
        } finally {
            stop.set(true);
            loop.join(10_000);
        }
    }

    @Test
    void aClassThatLeavesTheStackIsRetransformedAtALaterCheck() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread loop = new Thread(() -> Busy.spin(entered, stop), "busy");
        loop.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.set(true);
        });
        stopper.start();
        loop.join(10_000); // gone before the later checks
        StackSafeRetransformer.Outcome outcome = new StackSafeRetransformer(inst).retransform(List.of(Busy.class), 5, 100);
        stopper.join();
        assertThat(outcome.retransformed()).containsExactly(Busy.class);
        assertThat(outcome.leftOut()).isEmpty();
    }

    @Test
    void aClassTheJvmRefusesCostsOnlyItselfNotItsBatch() throws Exception {
        refused = Refused.class;
        StackSafeRetransformer.Outcome outcome = new StackSafeRetransformer(inst).retransform(List.of(Idle.class, Refused.class), 1, 0);
        assertThat(retransformed).containsExactly(Idle.class);
        assertThat(outcome.leftOut()).singleElement().satisfies(left -> {
            assertThat(left.className()).isEqualTo(Refused.class.getName());
            assertThat(left.reason()).isEqualTo(NotInstrumented.FAILED);
        });
    }
}
