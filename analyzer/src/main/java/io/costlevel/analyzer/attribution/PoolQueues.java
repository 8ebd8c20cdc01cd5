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
        Map<LibrarySite, List<SiteTally>> callers = libraryCallers(table);
        for (AgentSite take : run.sites()) {
            Integer object = run.lastObjects().get(take);
            if (object == null || !QueueCalls.takes(take.primitive())) {
                continue;
            }
            for (SiteTally taking : linesOf(take, table, callers)) {
                givenBackAt(taking, givenBack.getOrDefault(object, List.of()), table, callers);
            }
        }
    }

    private static void givenBackAt(SiteTally taking, List<AgentSite> gives, SiteTable table,
                                    Map<LibrarySite, List<SiteTally>> callers) {
        for (AgentSite give : gives) {
            for (SiteTally giving : linesOf(give, table, callers)) {
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
    private static List<SiteTally> linesOf(AgentSite site, SiteTable table, Map<LibrarySite, List<SiteTally>> callers) {
        SiteTally own = table.find(new SiteKey(site.className(), site.methodName(), site.line()));
        return own != null ? List.of(own) : callers.getOrDefault(LibrarySite.of(site), List.of());
    }

    /** A library site as the lines charged with it name it: its place and primitive. */
    private record LibrarySite(String className, String methodName, int line, String primitive) {
        static LibrarySite of(AgentSite s) {
            return new LibrarySite(s.className(), s.methodName(), s.line(), s.primitive());
        }
    }

    /** The application lines charged with each library site, read once per run. */
    private static Map<LibrarySite, List<SiteTally>> libraryCallers(SiteTable table) {
        Map<LibrarySite, List<SiteTally>> callers = new HashMap<>();
        for (SiteTally line : table.all()) {
            for (AgentSite part : line.libraryParts()) {
                List<SiteTally> lines = callers.computeIfAbsent(LibrarySite.of(part), k -> new ArrayList<>());
                if (!lines.contains(line)) {
                    lines.add(line);
                }
            }
        }
        return callers;
    }
}
