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
 * (a producer's offer and a consumer's take share the queue, not the threads), so the two are on different lines. A
 * site of a library stands for the application lines it is charged to (the lines that called the library): HikariCP's
 * borrow polls a {@code SynchronousQueue} that its {@code close} offers the connection back to, both inside the pool,
 * so the application's {@code getConnection} line takes from a pool its {@code close} line gives back to.
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
            if (object == null || !QueueCalls.takes(take.primitive())) {
                continue;
            }
            for (SiteTally taking : linesOf(take, table)) {
                givenBackAt(taking, givenBack.getOrDefault(object, List.of()), table);
            }
        }
    }

    private static void givenBackAt(SiteTally taking, List<AgentSite> gives, SiteTable table) {
        for (AgentSite give : gives) {
            for (SiteTally giving : linesOf(give, table)) {
                // One line that both offers and takes tells not whose threads do which (a producer and a consumer
                // handing items over on one SynchronousQueue line read as a pool): the recording's threads are per line.
                if (giving != taking && taking.sharesThreadsWith(giving)) {
                    taking.poolGivenBackAt(giving.site());
                    return;
                }
            }
        }
    }

    /** The report's lines of an agent site: its own, or, for a library's site, the application lines charged with it. */
    private static List<SiteTally> linesOf(AgentSite site, SiteTable table) {
        SiteTally own = table.find(new SiteKey(site.className(), site.methodName(), site.line()));
        if (own != null) {
            return List.of(own);
        }
        List<SiteTally> callers = new ArrayList<>();
        for (SiteTally line : table.all()) {
            if (line.libraryParts().stream().anyMatch(part -> sameSite(part, site))) {
                callers.add(line);
            }
        }
        return callers;
    }

    private static boolean sameSite(AgentSite a, AgentSite b) {
        return a.line() == b.line() && a.className().equals(b.className()) && a.methodName().equals(b.methodName())
                && java.util.Objects.equals(a.primitive(), b.primitive());
    }
}
