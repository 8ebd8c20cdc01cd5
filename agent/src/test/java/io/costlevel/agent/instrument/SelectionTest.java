package io.costlevel.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import io.costlevel.agent.options.Family;
import org.junit.jupiter.api.Test;

/** include says what the application is; instrument narrows what is instrumented (issue 11, item 2). */
class SelectionTest {
    private static final ClassLoader APP = SelectionTest.class.getClassLoader();

    @Test
    void includeDoesNotNarrowTheInstrumentation() {
        Selection selection = new Selection(List.of("com.acme."), List.of(), EnumSet.allOf(Family.class));
        assertThat(selection.accepts(APP, "org/HdrHistogram/Histogram")).isTrue();
        assertThat(selection.isApplication("org/HdrHistogram/Histogram")).isFalse();
        assertThat(selection.isApplication("com/acme/Shop")).isTrue();
        assertThat(selection.applicationPrefixes()).containsExactly("com.acme.");
    }

    @Test
    void instrumentNarrowsItAndTheJdkIsNotInstrumented() {
        Selection selection = new Selection(List.of(), List.of("com.acme."), List.of("com.acme.gen."),
                EnumSet.allOf(Family.class));
        assertThat(selection.accepts(APP, "org/HdrHistogram/Histogram")).isFalse();
        assertThat(selection.accepts(APP, "com/acme/Shop")).isTrue();
        assertThat(selection.accepts(APP, "com/acme/gen/Proxy")).isFalse();
        assertThat(selection.accepts(null, "com/acme/Shop")).as("the boot loader's").isFalse();
        assertThat(selection.isApplication("org/anything/X")).as("no include: everything is").isTrue();
        assertThat(selection.accepts(null, "java/util/ArrayList")).isFalse();
        assertThat(selection.accepts(null, "java/util/concurrent/CopyOnWriteArraySet"))
                .as("no lock of its own: it writes through its CopyOnWriteArrayList").isFalse();
    }

    @Test
    void theJdksSynchronizedCollectionsAreInstrumentedAndNeverTheApplication() {
        Selection narrowed = new Selection(List.of(), List.of("com.acme."), List.of(), EnumSet.allOf(Family.class));
        for (String wrapper : List.of("java/util/Collections$SynchronizedCollection", "java/util/Collections$SynchronizedList",
                "java/util/Collections$SynchronizedRandomAccessList", "java/util/Collections$SynchronizedSet",
                "java/util/Collections$SynchronizedNavigableSet", "java/util/Collections$SynchronizedMap",
                "java/util/Collections$SynchronizedSortedMap", "java/util/concurrent/CopyOnWriteArrayList",
                "java/util/concurrent/CopyOnWriteArrayList$COWSubList")) {
            assertThat(narrowed.accepts(null, wrapper)).as(wrapper).isTrue();
            assertThat(narrowed.isApplication(wrapper)).as(wrapper).isFalse();
        }
        Selection excluded = new Selection(List.of(), List.of("java.util.Collections$"), EnumSet.allOf(Family.class));
        assertThat(excluded.accepts(null, "java/util/Collections$SynchronizedList")).isFalse();
        Selection noMonitors = new Selection(List.of(), List.of(), EnumSet.of(Family.ATOMICS));
        assertThat(noMonitors.accepts(null, "java/util/Collections$SynchronizedList")).isFalse();
    }
}
