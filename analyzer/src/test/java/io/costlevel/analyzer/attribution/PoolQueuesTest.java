package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.classify.WaitPurpose;
import io.costlevel.analyzer.input.AgentRun;
import io.costlevel.analyzer.input.AgentSite;
import io.costlevel.analyzer.input.VirtualShare;
import org.junit.jupiter.api.Test;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A take from a queue whose takers give the item back is a pool's (contention); a consumer's take from a queue that
 * producers fill is a worker waiting for work (idle).
 */
class PoolQueuesTest {
    private static final SiteKey TAKE = new SiteKey("com.acme.Buffers", "op", 20);
    private static final SiteKey GIVE = new SiteKey("com.acme.Buffers", "op", 24);
    private static final int QUEUE = 0x5eed;

    private static AgentSite call(SiteKey at, String primitive) {
        return new AgentSite(at.className(), at.methodName(), at.line(), "call", primitive, 1_000, 2, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 16, 4, 16, 16_000, VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
    }

    /** The take and give-back sites, their last objects, and the recording's threads at each line. */
    private static SiteTable marked(int takeObject, int giveObject, long takeThread, long giveThread) {
        return marked(GIVE, takeObject, giveObject, takeThread, giveThread);
    }

    private static SiteTable marked(SiteKey giveAt, int takeObject, int giveObject, long takeThread, long giveThread) {
        AgentSite take = call(TAKE, "java.util.concurrent.ArrayBlockingQueue.take");
        AgentSite give = call(giveAt, "java.util.concurrent.ArrayBlockingQueue.offer");
        Map<AgentSite, Integer> objects = new IdentityHashMap<>();
        objects.put(take, takeObject);
        objects.put(give, giveObject);
        SiteTable table = new SiteTable();
        table.charge(new Attribution(TAKE, "java.util.concurrent.ArrayBlockingQueue.take -> "
                + "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await", true)).park(takeThread, 5_000);
        table.charge(new Attribution(giveAt, "java.util.concurrent.ArrayBlockingQueue.offer", true)).park(giveThread, 5_000);
        AgentRun run = new AgentRun("vm", "17", 2, 1.0, "com.acme.", "", true, List.of(take, give), 0, List.of(),
                new IdentityHashMap<>(), null, 0, null, objects);
        PoolQueues.mark(run, table);
        return table;
    }

    @Test
    void aQueueItsTakersGiveBackToIsAPool() {
        assertThat(marked(QUEUE, QUEUE, 7, 7).find(TAKE).poolGivenBackAt()).isEqualTo(GIVE);
    }

    @Test
    void aQueueOthersFillIsAWorkQueue() {
        assertThat(marked(QUEUE, QUEUE, 7, 8).find(TAKE).poolGivenBackAt()).as("producer and consumer threads").isNull();
        assertThat(marked(QUEUE, QUEUE + 1, 7, 7).find(TAKE).poolGivenBackAt()).as("a pipeline stage: two queues").isNull();
    }

    @Test
    void aLineThatBothOffersAndTakesIsNoPool() {
        // `producer ? queue.put(x) : queue.take()` on one line: the recording's threads are the line's, both roles'.
        assertThat(marked(TAKE, QUEUE, QUEUE, 7, 8).find(TAKE).poolGivenBackAt()).isNull();
    }

    /**
     * A pool inside a library: HikariCP's borrow polls its SynchronousQueue, and its requite (called by the connection's
     * close) offers the connection back to it. The application lines charged with those library sites are the pool's
     * take and give-back (the connection-pool workload, 2026-12-06: its getConnection line read idle once the line's
     * wait was taken from the poll).
     */
    @Test
    void aPoolInsideALibraryMarksTheApplicationLinesThatCallIt() {
        AgentSite borrow = new AgentSite("com.zaxxer.hikari.util.ConcurrentBag", "borrow", 151, "call",
                "java.util.concurrent.SynchronousQueue.poll", 1_000, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 4,
                16, 16_000, VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
        AgentSite requite = new AgentSite("com.zaxxer.hikari.util.ConcurrentBag", "requite", 222, "call",
                "java.util.concurrent.SynchronousQueue.offer", 1_000, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 4,
                16, 16_000, VirtualShare.NONE, AgentSite.NOT_COUNTED, AgentSite.NOT_COUNTED);
        Map<AgentSite, Integer> objects = new IdentityHashMap<>();
        objects.put(borrow, QUEUE);
        objects.put(requite, QUEUE);
        SiteTable table = new SiteTable();
        table.addLibraryCall(TAKE, borrow, borrow, List.of(borrow));
        table.addLibraryCall(GIVE, requite, requite, List.of(requite));
        table.charge(new Attribution(TAKE, "com.zaxxer.hikari.HikariDataSource.getConnection", true)).park(7, 5_000);
        table.charge(new Attribution(GIVE, "com.zaxxer.hikari.pool.ProxyConnection.close", true)).park(7, 5_000);
        AgentRun run = new AgentRun("vm", "17", 2, 1.0, "com.acme.", "", true, List.of(borrow, requite), 0, List.of(),
                new IdentityHashMap<>(), null, 0, null, objects);
        PoolQueues.mark(run, table);
        assertThat(table.find(TAKE).poolGivenBackAt()).isEqualTo(GIVE);
        assertThat(table.find(GIVE).poolGivenBackAt()).isNull();
    }

    @Test
    void aPoolsTakeWaitsAreContentionAWorkQueuesAreIdle() {
        String take = "java.util.concurrent.ArrayBlockingQueue.take -> "
                + "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await";
        assertThat(new WaitPurpose.Waits(false, true).of(take)).isEqualTo(WaitPurpose.CONTENTION);
        assertThat(new WaitPurpose.Waits(false, false).of(take)).isEqualTo(WaitPurpose.IDLE);
        assertThat(new WaitPurpose.Waits(false, true).of("java.lang.Thread.join")).isEqualTo(WaitPurpose.IDLE);
    }
}
