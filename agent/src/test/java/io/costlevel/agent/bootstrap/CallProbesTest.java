package io.costlevel.agent.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What a keyed map call's handoff check is on: the key's bin in a concurrent map, the one lock of any other. */
class CallProbesTest {
    @Test
    void aConcurrentMapsKeysMeetOnlyInTheirBin() {
        assertThat(CallProbes.keyBlock(new ConcurrentHashMap<>(), 17)).isNotEqualTo(CallProbes.keyBlock(new ConcurrentHashMap<>(), 4000));
        assertThat(CallProbes.keyBlock(new ConcurrentSkipListMap<>(), 17)).isNotZero();
    }

    @Test
    void aMapBehindOneLockMeetsOnEveryKey() {
        for (Object map : new Object[] {Collections.synchronizedMap(new HashMap<>()), new Hashtable<>()}) {
            assertThat(CallProbes.keyBlock(map, 17)).as("%s", map.getClass()).isZero();
            assertThat(CallProbes.keyBlock(map, 4000)).as("%s", map.getClass()).isZero();
        }
    }

    @Test
    void theJdksSynchronizedWrappersAreCountedInsideNotAtTheCall() {
        assertThat(CallProbes.synchronizes(Collections.synchronizedMap(new HashMap<>()).getClass())).isFalse();
        assertThat(CallProbes.synchronizes(Collections.synchronizedList(new java.util.ArrayList<>()).getClass())).isFalse();
        assertThat(CallProbes.synchronizes(Hashtable.class)).isTrue();
    }

    @Test
    void onlyTheLockFreeQueuesNeverBlock() {
        assertThat(CallProbes.neverBlocks(new java.util.concurrent.ConcurrentLinkedQueue<>())).isTrue();
        assertThat(CallProbes.neverBlocks(new java.util.concurrent.ConcurrentLinkedDeque<>())).isTrue();
        assertThat(CallProbes.neverBlocks(new java.util.concurrent.ArrayBlockingQueue<>(1))).isFalse();
        assertThat(CallProbes.neverBlocks(new java.util.concurrent.LinkedBlockingQueue<>())).isFalse();
    }
}
