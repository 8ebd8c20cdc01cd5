package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.input.AgentRun;
import io.costlevel.analyzer.input.AgentSite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Queues used as pools: the threads that take an item from a queue give it back to the same queue (pooled buffers,
 * connections, permits as objects). A thread waiting in such a take waits for an item another thread holds, which is
 * contention (the pool is smaller than the threads that want it), not a worker waiting for work: four threads sharing
 * two pooled objects through an {@code ArrayBlockingQueue} on 2 cores (2026-12-05) were blocked 765-960 ns per op
 * against 300-340 of CPU natively, and the report had the takes' 8.7 s as idle.
 *
 * <p>Told from a work queue by two facts: the agent saw both sites work on one object last (its {@code lastObject},
 * the identity hash of the object a site's last sampled op worked on), and the recordings saw a thread at both lines
 * (a producer's offer and a consumer's take share the queue, not the threads), so the two are on different lines. A site of a library (its calls charged
 * to the application lines that called it) is not matched: only lines the report shows.
 */
public final class PoolQueues {
    private PoolQueues() {}

    /** Marks the lines of {@code run} that take from a pool, with the line that gives back to it. */
    public static void mark(AgentRun run, SiteTable table) {
        Map<Integer, List<AgentSite>> givenBack = new HashMap<>();
        for (AgentSite s : run.sites()) {
            Integer object = run.lastObjects().get(s);
            if (object != null && QueueCalls.gives(s.primitive())) {
                givenBack.computeIfAbsent(object, o -> new ArrayList<>()).add(s);
            }
        }
        for (AgentSite take : run.sites()) {
            Integer object = run.lastObjects().get(take);
            SiteTally taking = object == null || !QueueCalls.takes(take.primitive()) ? null : table.find(keyOf(take));
            if (taking == null) {
                continue;
            }
            for (AgentSite give : givenBack.getOrDefault(object, List.of())) {
                SiteTally giving = table.find(keyOf(give));
                // One line that both offers and takes tells not whose threads do which (a producer and a consumer
                // handing items over on one SynchronousQueue line read as a pool): the recording's threads are per line.
                if (giving != null && giving != taking && taking.sharesThreadsWith(giving)) {
                    taking.poolGivenBackAt(giving.site());
                    break;
                }
            }
        }
    }

    private static SiteKey keyOf(AgentSite s) {
        return new SiteKey(s.className(), s.methodName(), s.line());
    }
}
