package io.costlevel.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedOwnersTest {
    @Test
    void jdkClassesWhoseCallsAreCountedGetTheirClassAsAConstant() {
        assertThat(CountedOwners.countsExactly("java/util/Random")).isTrue();
        assertThat(CountedOwners.countsExactly("java/util/concurrent/ConcurrentHashMap")).isTrue();
        assertThat(CountedOwners.countsExactly("java/util/logging/Logger")).isTrue();
    }

    @Test
    void interfacesUncountedClassesAndClassesOutsideTheJdkDoNot() {
        assertThat(CountedOwners.countsExactly("java/util/Map")).as("an interface").isFalse();
        assertThat(CountedOwners.countsExactly("java/util/HashMap")).isFalse();
        assertThat(CountedOwners.countsExactly("java/util/concurrent/ThreadLocalRandom")).isFalse();
        assertThat(CountedOwners.countsExactly("io/costlevel/agent/instrument/CountedOwnersTest")).isFalse();
        assertThat(CountedOwners.countsExactly("java/util/NoSuchClass")).isFalse();
    }
}
