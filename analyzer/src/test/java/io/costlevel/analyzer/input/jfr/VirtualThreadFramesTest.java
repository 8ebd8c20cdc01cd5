package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.Stack;
import io.costlevel.analyzer.attribution.StackAttributor.Frame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stacks as JDK 25 records them for S13 and S15 (jfr print), top frame first. */
class VirtualThreadFramesTest {
    private static final SiteKey PING = new SiteKey("com.acme.Handoff", "ping", 29);
    private static final byte JIT = 1;
    private static final byte NATIVE = 3;

    private static Frame f(String cls, String method, int line) {
        return new Frame(cls, method, line);
    }

    private static final Frame SITE = f("com.acme.Handoff", "ping", 29);
    private static final Frame BOTTOM = f("java.lang.VirtualThread", "run", 460);

    @Test
    void aVirtualThreadsParkThroughTheContinuationIsAHandoff() {
        Stack stack = Stack.of(List.of(f("jdk.internal.vm.Continuation", "yield", 443),
                f("java.lang.VirtualThread", "park", 600), f("java.util.concurrent.locks.LockSupport", "park", 219),
                f("java.util.concurrent.SynchronousQueue", "put", 200), SITE, BOTTOM));
        assertThat(VirtualThreadFrames.inHandoff(stack, PING)).isTrue();
    }

    @Test
    void wakingAVirtualThreadIsAHandoffToo() {
        Stack stack = Stack.of(List.of(f("java.lang.VirtualThread", "submitRunContinuation", 300),
                f("java.lang.VirtualThread", "unpark", 900), f("java.util.concurrent.locks.LockSupport", "unpark", 180),
                SITE, BOTTOM));
        assertThat(VirtualThreadFrames.inHandoff(stack, PING)).isTrue();
    }

    /**
     * A platform thread starting a virtual thread (a virtual-thread-per-task executor's submit) goes through the same
     * submitRunContinuation as a wake-up, but nothing unmounts: a task submission (JDK 25's frames, 2026-12-06).
     */
    @Test
    void startingAVirtualThreadIsNoHandoff() {
        SiteKey submit = new SiteKey("com.acme.Fanout", "call", 171);
        Stack stack = Stack.of(List.of(f("java.lang.VirtualThread", "submitRunContinuation", 344),
                f("java.lang.VirtualThread", "externalSubmitRunContinuationOrThrow", 429),
                f("java.lang.VirtualThread", "start", 706), f("java.lang.System$1", "start", 2231),
                f("java.util.concurrent.ThreadPerTaskExecutor", "start", 226),
                f("java.util.concurrent.ThreadPerTaskExecutor", "submit", 264), f("com.acme.Fanout", "call", 171),
                f("java.lang.Thread", "run", 1474)));
        assertThat(VirtualThreadFrames.inHandoff(stack, submit)).isFalse();
    }

    @Test
    void aPinnedParkOnTheCarrierIsNot() {
        Stack stack = Stack.of(List.of(f("jdk.internal.misc.Unsafe", "park", -1),
                f("java.lang.VirtualThread", "parkOnCarrierThread", 830), f("java.lang.VirtualThread", "parkNanos", 798),
                f("java.lang.Thread", "sleep", 540), SITE, BOTTOM));
        assertThat(VirtualThreadFrames.inHandoff(stack, PING)).isFalse();
    }

    /** A virtual thread's own stack (JFR) and its carrier's (async-profiler) both run it; a platform thread's not. */
    @Test
    void aStackRunsAVirtualThreadWhenVirtualThreadRunIsInIt() {
        Frame spin = f("com.acme.Work", "spin", 33);
        Stack own = Stack.of(List.of(spin, BOTTOM, f("java.lang.VirtualThread$VThreadContinuation$1", "run", 190),
                f("jdk.internal.vm.Continuation", "enter0", 322), f("jdk.internal.vm.Continuation", "enterSpecial", -1)));
        Stack carrier = Stack.of(List.of(spin, BOTTOM, f("jdk.internal.vm.Continuation", "enterSpecial", -1),
                f("jdk.internal.vm.Continuation", "run", 248), f("java.lang.VirtualThread", "runContinuation", 293),
                f("java.util.concurrent.ForkJoinWorkerThread", "run", 191)));
        Stack platform = Stack.of(List.of(spin, f("java.lang.Thread", "run", 1583)));
        assertThat(VirtualThreadFrames.runsVirtualThread(own)).isTrue();
        assertThat(VirtualThreadFrames.runsVirtualThread(carrier)).isTrue();
        assertThat(VirtualThreadFrames.runsVirtualThread(platform)).isFalse();
    }

    @Test
    void framesBelowTheSiteAndStacksWithoutASiteSayNothing() {
        Stack stack = Stack.of(List.of(SITE, f("java.lang.VirtualThread", "run", 460)));
        assertThat(VirtualThreadFrames.inHandoff(stack, PING)).isFalse();
        assertThat(VirtualThreadFrames.inHandoff(stack, null)).isFalse();
    }

    /** A virtual thread's sleep as JDK 25 records it, hidden frames included. */
    @Test
    void aVirtualThreadsOwnStackEndsInItsContinuation() {
        Stack stack = Stack.of(List.of(SITE, f("java.lang.Thread", "runWith", 1500), f("java.lang.VirtualThread", "run", 460),
                f("java.lang.VirtualThread$VThreadContinuation$1", "run", 1), f("jdk.internal.vm.Continuation", "enter0", 1),
                f("jdk.internal.vm.Continuation", "enter", 1), f("jdk.internal.vm.Continuation", "enterSpecial", -1)));
        assertThat(VirtualThreadFrames.onVirtualThread(stack)).isTrue();
        // async-profiler's sample of the carrier running it goes on into the scheduler's worker
        Stack carrier = Stack.of(List.of(SITE, f("java.lang.VirtualThread", "run", 460),
                f("jdk.internal.vm.Continuation", "enterSpecial", -1), f("jdk.internal.vm.Continuation", "run", 1),
                f("java.util.concurrent.ForkJoinWorkerThread", "run", 187)));
        assertThat(VirtualThreadFrames.onVirtualThread(carrier)).isFalse();
        assertThat(VirtualThreadFrames.onVirtualThread(Stack.of(List.of(SITE, f("java.lang.Thread", "run", 1))))).isFalse();
    }

    @Test
    void theClassInitializerUnderTheSleepIsThePinningFrame() {
        Stack stack = Stack.of(List.of(f("java.lang.VirtualThread", "postPinnedEvent", 0xffff),
                f("java.lang.VirtualThread", "parkOnCarrierThread", 830), f("java.lang.Thread", "sleep", 540),
                f("com.acme.Config", "<clinit>", 12), f("java.lang.Class", "forName0", 0xffff), SITE));
        byte[] types = {NATIVE, JIT, JIT, JIT, NATIVE, JIT};
        assertThat(VirtualThreadFrames.pinningFrame(stack, types)).isEqualTo("com.acme.Config.<clinit>:12");
    }

    @Test
    void aNativeMethodUnderTheBlockIsThePinningFrameWithoutALine() {
        Stack stack = Stack.of(List.of(f("java.lang.VirtualThread", "parkOnCarrierThread", 830),
                f("java.util.concurrent.locks.LockSupport", "park", 219), f("com.acme.Callback", "onEvent", 30),
                f("com.acme.NativeLib", "poll", 0xffff), SITE));
        byte[] types = {JIT, JIT, JIT, NATIVE, JIT};
        assertThat(VirtualThreadFrames.pinningFrame(stack, types)).isEqualTo("com.acme.NativeLib.poll");
        assertThat(VirtualThreadFrames.pinningFrame(Stack.of(List.of(SITE)), new byte[] {JIT})).isNull();
    }
}
