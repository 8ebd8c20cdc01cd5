package io.costlevel.agent.it;

import static io.costlevel.agent.it.SitesFile.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, item 2: the sampled line counts tell one hot line from spread writes, and state several threads
 * touched from state one thread kept, whether or not the threads ran at the same time (counts, never times).
 */
class LineSharingIT {
    private static final String INCREMENT = "java.util.concurrent.atomic.AtomicLong.incrementAndGet";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void oneAtomicLongIsOneLineConfinedToOneThreadAndSharedByTwo(Jdk jdk) throws Exception {
        SampleRun alone = SampleRun.of(jdk, "line-atomic-1", "", "atomic", "--threads", "1", "--ops", "300000");
        SampleRun two = SampleRun.of(jdk, "line-atomic-2", "", "atomic", "--threads", "2", "--ops", "300000");

        Map<String, Object> one = alone.sites().site("S03_AtomicCounter", "increment", INCREMENT);
        long checks = count(one, "handoffChecks");
        assertThat(checks).isPositive();
        assertThat(count(one, "sameLineChecks")).as("every check but the first meets the one line").isEqualTo(checks - 1);
        assertThat(count(one, "sharedLineChecks")).isZero();

        Map<String, Object> shared = two.sites().site("S03_AtomicCounter", "increment", INCREMENT);
        long sharedChecks = count(shared, "handoffChecks");
        // Once the second thread has touched the line every later check is on shared state: all but the first thread's
        // checks before the second thread's first one.
        assertThat(count(shared, "sharedLineChecks")).isGreaterThan(sharedChecks / 2).isLessThanOrEqualTo(sharedChecks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void aShardedCounterSpreadsItsWritesOverManyLines(Jdk jdk) throws Exception {
        SampleRun run = SampleRun.of(jdk, "line-sharded-1", "", "sharded", "--threads", "1", "--ops", "300000");

        Map<String, Object> site = run.sites().site("S09_ShardedCounter", "increment",
                "java.util.concurrent.atomic.AtomicLongArray.incrementAndGet");
        long checks = count(site, "handoffChecks");
        assertThat(checks).isPositive();
        // 256 padded shards picked at random: 1 in 256 checks meets the last line, far below a hot line's ~1.
        assertThat(count(site, "sameLineChecks")).isLessThan(checks / 20);
        assertThat(count(site, "sharedLineChecks")).isZero();
    }
}
