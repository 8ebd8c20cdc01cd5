package io.costlevel.analyzer.forecast.rules;

import io.costlevel.analyzer.forecast.ForecastRule;
import io.costlevel.analyzer.forecast.Move;
import io.costlevel.analyzer.forecast.SiteHistory;
import io.costlevel.analyzer.forecast.Target;

import java.util.List;
import java.util.Optional;

/**
 * Plain code: CPU samples and no synchronization. Its cost does not depend on other threads (false
 * sharing aside, which no counter here sees), so it keeps its tier; with more threads than cores it
 * only waits for a core, which is the scheduler's time, not this line's.
 *
 * <p>Unless the line's sampled stacks synchronize inside a library call: the agent counts the application's own
 * calls, not the JDK's inside {@code Random.nextInt} or {@code ConcurrentHashMap.merge}, so whether the library's
 * state is shared by the threads (a shared {@code Random}'s seed: L2 at N) or each thread's own is not measured.
 * The tier is kept, with low confidence and the chain that shows it.
 */
public final class PlainCodeRule implements ForecastRule {
    /** Frames that synchronize, in a primitive chain ("caller -> callee") of the line's samples. */
    private static final List<String> SYNCHRONIZING = List.of("java.util.concurrent.atomic.", "java.util.concurrent.locks.",
            "compareAndSet", "compareAndExchange", "getAndAdd", "monitorenter", "_monitor_locking");

    @Override
    public Move forecast(SiteHistory site, Target target) {
        if (!"cpu".equals(site.kind())) {
            return null;
        }
        int tier = site.today().site().tier();
        if (!site.today().hasAgent()) {
            return new Move(tier, "plain", "only CPU samples, no agent: an atomic or a spin here would look the same; kept at L" + tier,
                    Move.LOW);
        }
        Optional<String> inside = synchronizingChain(site.today().site().primitives());
        if (inside.isPresent()) {
            return new Move(tier, "library-sync", "synchronizes inside a library call (" + inside.get()
                    + ") the agent does not count: whether its state is shared by the threads (L2 at more threads, as a "
                    + "shared java.util.Random's seed) or each thread's own is not measured; kept at L" + tier, Move.LOW);
        }
        return new Move(tier, "plain", "no synchronization at this line (the agent counted none): plain code does not move with threads -> stays L"
                + tier, Move.HIGH);
    }

    private static Optional<String> synchronizingChain(List<String> primitives) {
        return primitives == null ? Optional.empty() : primitives.stream()
                .filter(p -> p.contains(" -> ") && SYNCHRONIZING.stream().anyMatch(p::contains)).findFirst();
    }
}
