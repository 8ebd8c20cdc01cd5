package io.costlevel.agent.it;

import static io.costlevel.agent.it.SitesFile.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's counters on the samples, in forked JVMs on JDK 17 and 25: mechanisms (CAS failures, parks, spins,
 * exact op counts), never times.
 */
class SampleCountersIT {
    private static final String ATOMIC_LONG = "java.util.concurrent.atomic.AtomicLong.";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void countsEveryOperationExactly(Jdk jdk) throws Exception {
        SampleRun run = SampleRun.of(jdk, "exact-atomic", "", "atomic", "--threads", "2", "--ops", "250000");

        Map<String, Object> site = run.sites().site("S03_AtomicCounter", "increment", ATOMIC_LONG + "incrementAndGet");
        assertThat(count(site, "ops")).isEqualTo(run.printedOps()).isEqualTo(500_000);
        assertThat(count(site, "threads")).isEqualTo(2);
        assertThat(run.result.stderr()).as("nothing from the agent or the JVM about it (e.g. class data sharing)")
                .isEmpty();
        assertThat(count(site, "latencySamples")).as("sampled 1 in 64 on average").isBetween(500_000L / 128, 500_000L / 32);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void countsMonitorAndLockAcquisitionsExactly(Jdk jdk) throws Exception {
        SampleRun monitor = SampleRun.of(jdk, "exact-monitor", "", "synchronized", "--threads", "2", "--ops", "200000");
        SampleRun lock = SampleRun.of(jdk, "exact-lock", "", "reentrant-lock", "--threads", "2", "--ops", "200000");

        assertThat(count(monitor.sites().site("S01_SynchronizedCounter", "increment", "monitorenter"), "ops"))
                .isEqualTo(monitor.printedOps());
        Map<String, Object> lockSite = lock.sites()
                .site("S02_ReentrantLockCounter", "increment", "java.util.concurrent.locks.ReentrantLock.lock");
        assertThat(count(lockSite, "ops")).isEqualTo(lock.printedOps());
        assertThat(count(lockSite, "contended")).isLessThanOrEqualTo(count(lockSite, "ops"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void casFailsOnlyWhenThreadsShareTheCounter(Jdk jdk) throws Exception {
        SampleRun alone = SampleRun.of(jdk, "cas-1", "", "cas", "--threads", "1", "--ops", "300000");
        SampleRun shared = SampleRun.of(jdk, "cas-2", "", "cas", "--threads", "2", "--seconds", "1");

        Map<String, Object> aloneSite = alone.sites().site("S04_CasCounter", "increment", ATOMIC_LONG + "compareAndSet");
        assertThat(count(aloneSite, "casFailures")).isZero();
        assertThat(count(aloneSite, "casAttempts")).isEqualTo(alone.printedOps());
        Map<String, Object> sharedSite = shared.sites().site("S04_CasCounter", "increment", ATOMIC_LONG + "compareAndSet");
        assertThat(count(sharedSite, "casFailures")).isPositive();
        assertThat(count(sharedSite, "casAttempts") - count(sharedSite, "casFailures")).isEqualTo(shared.printedOps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void blockingTicketLockParks(Jdk jdk) throws Exception {
        SampleRun run = SampleRun.of(jdk, "blocking-ticket", "", "blocking-ticket", "--threads", "4", "--seconds", "1");

        Map<String, Object> await = run.sites().site("S06_BlockingTicketLockCounter", "increment",
                "java.util.concurrent.locks.Condition.awaitUninterruptibly");
        assertThat(count(await, "parks")).isPositive();
        assertThat(count(await, "parkedNanos")).isPositive();
        assertThat(count(run.sites().site("S06_BlockingTicketLockCounter", "increment",
                "java.util.concurrent.locks.Condition.signalAll"), "wakeups")).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void spinningTicketLockSpins(Jdk jdk) throws Exception {
        SampleRun run = SampleRun.of(jdk, "spinning-ticket", "", "spinning-ticket", "--threads", "2", "--seconds", "1");

        Map<String, Object> spin = run.sites().site("S07_SpinningTicketLockCounter", "increment",
                "java.lang.Thread.onSpinWait");
        assertThat(count(spin, "spinWaits")).isPositive();
        assertThat(count(spin, "spins")).isGreaterThanOrEqualTo(count(spin, "spinWaits"));
        assertThat(count(spin, "spinWaits")).as("at most one wait per acquisition").isLessThanOrEqualTo(run.printedOps());
    }
}
