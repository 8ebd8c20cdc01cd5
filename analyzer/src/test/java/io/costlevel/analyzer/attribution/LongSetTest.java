package io.costlevel.analyzer.attribution;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LongSetTest {
    @Test
    void countsDistinctValuesLikeAHashSetThroughGrowth() {
        LongSet set = new LongSet();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            // Thread keys: a recording index in the high half, small thread ids below; with repeats.
            long value = (long) random.nextInt(3) << 32 | random.nextInt(2_000);
            set.add(value);
            reference.add(value);
        }
        assertThat(set.size()).isEqualTo(reference.size());
    }

    /** Each value once, in many orders: the value whose add makes the set grow must survive the growth. */
    @Test
    void everyValueAddedOnceSurvivesEveryGrowth() {
        Random random = new Random(3);
        for (int order = 0; order < 1_000; order++) {
            LongSet set = new LongSet();
            Set<Long> reference = new HashSet<>();
            while (reference.size() < 100) {
                long value = random.nextLong();
                if (reference.add(value)) {
                    set.add(value);
                }
            }
            assertThat(set.size()).as("order %d", order).isEqualTo(100);
        }
    }

    @Test
    void runsOfOneValueAsJfrWritesThemCountOnce() {
        LongSet set = new LongSet();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(7);
        for (int run = 0; run < 2_000; run++) {
            long value = random.nextInt(300);
            for (int i = random.nextInt(5); i >= 0; i--) {
                set.add(value);
                reference.add(value);
            }
        }
        assertThat(set.size()).isEqualTo(reference.size());
    }

    @Test
    void theSentinelValueIsAValueToo() {
        LongSet set = new LongSet();
        set.add(Long.MIN_VALUE);
        set.add(Long.MIN_VALUE);
        set.add(0);
        set.add(Long.MIN_VALUE);
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void countsEveryAddOfAValueThroughGrowthAndRuns() {
        LongSet set = new LongSet();
        java.util.Map<Long, Long> reference = new java.util.HashMap<>();
        Random random = new Random(11);
        for (int run = 0; run < 5_000; run++) {
            long value = random.nextInt(400) - 200 + (random.nextInt(50) == 0 ? Long.MIN_VALUE + 200 : 0);
            for (int i = random.nextInt(4); i >= 0; i--) {
                set.add(value);
                reference.merge(value, 1L, Long::sum);
            }
        }
        reference.forEach((value, n) -> assertThat(set.count(value)).as("%d", value).isEqualTo(n));
        assertThat(set.total()).isEqualTo(reference.values().stream().mapToLong(Long::longValue).sum());
        assertThat(set.count(1_000_000)).isZero();
    }
}
