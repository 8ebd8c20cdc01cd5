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

    @Test
    void theSentinelValueIsAValueToo() {
        LongSet set = new LongSet();
        set.add(Long.MIN_VALUE);
        set.add(Long.MIN_VALUE);
        set.add(0);
        assertThat(set.size()).isEqualTo(2);
    }
}
