package io.costlevel.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.List;

import io.costlevel.agent.bootstrap.BootstrapSettings;
import io.costlevel.agent.bootstrap.CounterRegistry;
import io.costlevel.agent.bootstrap.Evidence;
import io.costlevel.agent.instrument.fixture.Primitives;
import io.costlevel.agent.options.Family;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every family, in-process: {@link Primitives} is rewritten, loaded in a class loader of its own, run, and the
 * merged counters of its sites compared with the calls it makes. Every operation is sampled (sampling 1) so the
 * sampled paths run too.
 */
class CallSiteTransformerTest {
    private static final String FIXTURE = Primitives.class.getName();
    private static SiteTable sites;
    private static Object fixture;

    @BeforeAll
    static void instrumentFixture() throws Exception {
        BootstrapSettings.install(1, 1000, 0);
        sites = new SiteTable(1000);
        Selection selection = new Selection(List.of("io.costlevel.agent.instrument.fixture."), List.of(),
                EnumSet.allOf(Family.class));
        CallSiteTransformer transformer = new CallSiteTransformer(sites, selection, null, null);
        assertThat(transformer.rewrite(bytesOf(FIXTURE))).isNotNull();
        Class<?> type = new ClassLoader(CallSiteTransformerTest.class.getClassLoader()) {
            /** The fixture and its nested classes, rewritten (or as they are, when they call nothing counted). */
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith(FIXTURE)) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded != null) {
                        return loaded;
                    }
                    try {
                        byte[] original = bytesOf(name);
                        byte[] rewritten = transformer.rewrite(original);
                        byte[] bytes = rewritten != null ? rewritten : original;
                        return defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
            }
        }.loadClass(FIXTURE);
        fixture = type.getConstructor().newInstance();
    }

    @Test
    void varHandleCasAndExchangeFailuresAreExact() throws Exception {
        run("varHandles");
        assertThat(sum("varHandles", "java.lang.invoke.VarHandle.compareAndSet", Evidence.CAS_ATTEMPTS)).isEqualTo(2);
        assertThat(sum("varHandles", "java.lang.invoke.VarHandle.compareAndSet", Evidence.CAS_FAILURES)).isEqualTo(1);
        assertThat(sum("varHandles", "java.lang.invoke.VarHandle.compareAndExchange", Evidence.CAS_ATTEMPTS))
                .isEqualTo(2);
        assertThat(sum("varHandles", "java.lang.invoke.VarHandle.compareAndExchange", Evidence.CAS_FAILURES))
                .isEqualTo(1);
        assertThat(sum("varHandles", "java.lang.invoke.VarHandle.getAndAdd", Evidence.OPS)).isEqualTo(1);
    }

    @Test
    void atomicExchangesAndFieldUpdaters() throws Exception {
        run("atomics");
        String atomic = "java.util.concurrent.atomic.";
        assertThat(sum("atomics", atomic + "AtomicLong.compareAndExchange", Evidence.CAS_FAILURES)).isEqualTo(1);
        assertThat(sum("atomics", atomic + "AtomicIntegerFieldUpdater.compareAndSet", Evidence.CAS_FAILURES))
                .isEqualTo(1);
        assertThat(sum("atomics", atomic + "AtomicIntegerFieldUpdater.incrementAndGet", Evidence.OPS)).isEqualTo(1);
    }

    @Test
    void addersAreCounted() throws Exception {
        run("adders");
        assertThat(sum("adders", "java.util.concurrent.atomic.LongAdder.increment", Evidence.OPS)).isEqualTo(3);
    }

    @Test
    void stampedLockFailedTriesAreContended() throws Exception {
        run("stampedLock");
        String stamped = "java.util.concurrent.locks.StampedLock.";
        assertThat(sum("stampedLock", stamped + "writeLock", Evidence.OPS)).isEqualTo(1);
        assertThat(sum("stampedLock", stamped + "writeLock", Evidence.CONTENDED)).isZero();
        assertThat(sum("stampedLock", stamped + "tryReadLock", Evidence.CONTENDED)).isEqualTo(1);
        // An optimistic read is two plain loads: not counted (PrimitiveTable).
        assertThat(sum("stampedLock", stamped + "tryOptimisticRead", Evidence.OPS)).isZero();
        assertThat(sum("stampedLock", stamped + "validate", Evidence.OPS)).isZero();
    }

    @Test
    void semaphoreAndReadWriteLock() throws Exception {
        run("semaphore");
        run("readWriteLock");
        String semaphore = "java.util.concurrent.Semaphore.";
        assertThat(sum("semaphore", semaphore + "acquire", Evidence.OPS)).isEqualTo(1);
        assertThat(sum("semaphore", semaphore + "tryAcquire", Evidence.CONTENDED)).isEqualTo(1);
        assertThat(sum("semaphore", semaphore + "release", Evidence.WAKEUPS)).isEqualTo(1);
        String readLock = "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock.";
        assertThat(sum("readWriteLock", readLock + "lock", Evidence.OPS)).isEqualTo(1);
        assertThat(sum("readWriteLock", readLock + "unlock", Evidence.OPS)).isEqualTo(1);
    }

    @Test
    void contendedLockIsCountedAndTimed() throws Exception {
        run("contendedLock");
        String lock = "java.util.concurrent.locks.ReentrantLock.lock";
        assertThat(sum("contendedLock", lock, Evidence.OPS)).isEqualTo(1);
        assertThat(sum("contendedLock", lock, Evidence.CONTENDED)).isEqualTo(1);
        assertThat(sum("contendedLock", lock, Evidence.CONTENDED_SAMPLES)).as("a thread's first is always timed")
                .isEqualTo(1);
        assertThat(sum("contendedLock", lock, Evidence.CONTENDED_NANOS)).isPositive();
    }

    @Test
    void anExceptionReachesTheCallerUnchangedAndIsNotCounted() {
        assertThatThrownBy(() -> run("failingUnlock")).isInstanceOf(IllegalMonitorStateException.class);
        assertThat(sum("failingUnlock", "java.util.concurrent.locks.ReentrantLock.unlock", Evidence.OPS)).isZero();
    }

    @Test
    void waitNotifyAndMonitor() throws Exception {
        run("waitAndNotify");
        assertThat(sum("waitAndNotify", "monitorenter", Evidence.OPS)).isEqualTo(1);
        assertThat(sum("waitAndNotify", "monitorenter", Evidence.LATENCY_SAMPLES)).as("timed inside the protected range")
                .isEqualTo(1);
        assertThat(sum("waitAndNotify", "java.lang.Object.wait", Evidence.WAITS)).isEqualTo(1);
        assertThat(sum("waitAndNotify", "java.lang.Object.wait", Evidence.WAITED_NANOS)).isPositive();
        assertThat(sum("waitAndNotify", "java.lang.Object.notifyAll", Evidence.WAKEUPS)).isEqualTo(1);
    }

    @Test
    void parkingAndScheduling() throws Exception {
        run("scheduling");
        String lockSupport = "java.util.concurrent.locks.LockSupport.";
        assertThat(sum("scheduling", lockSupport + "parkNanos", Evidence.PARKS)).isEqualTo(1);
        assertThat(sum("scheduling", lockSupport + "unpark", Evidence.WAKEUPS)).isEqualTo(1);
        assertThat(sum("scheduling", "java.lang.Thread.sleep", Evidence.SLEEPS)).isEqualTo(1);
        assertThat(sum("scheduling", "java.lang.Thread.sleep", Evidence.SLEPT_NANOS)).isPositive();
        assertThat(sum("scheduling", "java.lang.Thread.yield", Evidence.YIELDS)).isEqualTo(1);
        assertThat(sum("scheduling", "java.lang.Thread.join", Evidence.WAITS)).isEqualTo(1);
    }

    @Test
    void spinsAreGroupedIntoWaits() throws Exception {
        run("spins");
        assertThat(sum("spins", "java.lang.Thread.onSpinWait", Evidence.SPINS)).isEqualTo(15);
        assertThat(sum("spins", "java.lang.Thread.onSpinWait", Evidence.SPIN_WAITS)).isEqualTo(2);
    }

    @Test
    void synchronizedMethodsCountAtEntry() throws Exception {
        run("synchronizedMethods");
        assertThat(sum("locked", "synchronized method", Evidence.OPS)).isEqualTo(3);
        assertThat(sum("locked", "synchronized method", Evidence.HANDOFF_CHECKS)).as("same thread, same object")
                .isGreaterThanOrEqualTo(2);
        assertThat(sum("locked", "synchronized method", Evidence.HANDOFFS)).isZero();
    }

    @Test
    void handoffsAreCheckedPerCacheLineOfAnArrayAndNeverOnAStripedAdder() throws Exception {
        run("handoffs");
        String atomic = "java.util.concurrent.atomic.";
        assertHandoffs("touchElement", atomic + "AtomicLongArray.incrementAndGet", 5, 2);
        assertHandoffs("touchArrayHandle", "java.lang.invoke.VarHandle.getAndAdd", 5, 2);
        assertHandoffs("touchAtomic", atomic + "AtomicLong.incrementAndGet", 5, 3);
        assertHandoffs("touchAdder", atomic + "LongAdder.increment", 0, 0);
        assertThat(sum("touchAdder", atomic + "LongAdder.increment", Evidence.OPS)).isEqualTo(5);
    }

    private static void assertHandoffs(String method, String primitive, long checks, long handoffs) {
        assertThat(sum(method, primitive, Evidence.HANDOFF_CHECKS)).as("%s checks", method).isEqualTo(checks);
        assertThat(sum(method, primitive, Evidence.HANDOFFS)).as("%s handoffs", method).isEqualTo(handoffs);
    }

    @Test
    void callsIntoJdkConcurrentApisCountWhereTheReceiverSynchronizes() throws Exception {
        run("calls");
        assertThat(sum("calls", "java.util.Random.nextInt", Evidence.OPS)).as("not the ThreadLocalRandom").isEqualTo(1);
        assertThat(sum("calls", "java.util.Random.nextLong", Evidence.OPS)).isEqualTo(1);
        assertThat(sum("calls", "java.util.Map.merge", Evidence.OPS)).isEqualTo(1);
        assertThat(sum("calls", "java.util.Map.put", Evidence.OPS)).as("a HashMap").isZero();
        assertThat(sum("calls", "java.util.concurrent.ConcurrentHashMap.merge", Evidence.OPS)).isEqualTo(2);
        assertThat(sum("calls", "java.lang.StringBuffer.append", Evidence.OPS)).isEqualTo(1);
        assertThat(sum("calls", "java.util.concurrent.ConcurrentHashMap.merge", Evidence.LATENCY_SAMPLES))
                .as("every call timed at sampling 1").isEqualTo(2);
    }

    @Test
    void aCallNamingACountedClassCountsOtherReceiversByTheirOwnClass() throws Exception {
        run("subclassCalls");
        assertThat(sum("subclassCalls", "java.util.Random.nextInt", Evidence.OPS))
                .as("SecureRandom and Random, not the application's subclass or the ThreadLocalRandom").isEqualTo(2);
    }

    @Test
    void aKeyedCallIsCheckedOnTheMapAndTheKey() throws Exception {
        run("keyedHandoffs");
        assertHandoffs("mergeInto", "java.util.concurrent.ConcurrentHashMap.merge", 3, 1);
    }

    @Test
    void superCallsOfASubclassStayAsTheyAre() throws Exception {
        run("subclassedLock");
        assertThat(sum("lock", "java.util.concurrent.locks.ReentrantLock.lock", Evidence.OPS)).isZero();
    }

    private static void run(String method) throws Exception {
        Method target = fixture.getClass().getMethod(method);
        try {
            target.invoke(fixture);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** One column summed over the sites of {@code primitive} in {@code method} of the fixture. */
    @Test
    void callsOnABufferTheMethodKeepsAreLeftAsTheyAreAndSaidConfined() throws Exception {
        run("confinedBuffer");
        assertThat(sum("confinedBuffer", "java.lang.StringBuffer.append", Evidence.OPS)).isZero();
        assertThat(sites.snapshot()).filteredOn(s -> s.methodName().equals("confinedBuffer"))
                .extracting(Site::primitive, Site::kind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("java.lang.StringBuffer.append", Site.CONFINED),
                        org.assertj.core.groups.Tuple.tuple("java.lang.StringBuffer.length", Site.CONFINED));
    }

    @Test
    void timedQueueCallsAreNamedApartFromUntimedOnes() throws Exception {
        run("queueCalls");
        for (String call : List.of("offer", "poll")) {
            String untimed = "java.util.concurrent.BlockingQueue." + call;
            assertThat(sum("queueCalls", untimed, Evidence.OPS)).as(untimed).isEqualTo(1);
            assertThat(sum("queueCalls", untimed + "(timeout)", Evidence.OPS)).as("%s(long, TimeUnit)", untimed).isEqualTo(1);
        }
    }

    @Test
    void aScheduledTaskAndItsFutureAreCounted() throws Exception {
        run("scheduledTask");
        assertThat(sum("scheduledTask", "java.util.concurrent.ScheduledExecutorService.schedule", Evidence.OPS)).isEqualTo(1);
        assertThat(sum("scheduledTask", "java.util.concurrent.ScheduledFuture.get", Evidence.OPS)).isEqualTo(1);
    }

    @Test
    void aStaticCallIntoTheJdkIsCountedOnItsClass() throws Exception {
        run("uuids");
        assertThat(sum("uuids", "java.util.UUID.randomUUID", Evidence.OPS)).isEqualTo(2);
        assertThat(sum("uuids", "java.util.UUID.randomUUID", Evidence.HANDOFF_CHECKS)).as("every op sampled").isEqualTo(2);
        assertThat(sum("uuids", "java.util.UUID.randomUUID", Evidence.SAME_LINE_CHECKS)).as("one class, one line")
                .isEqualTo(1);
    }

    private static long sum(String method, String primitive, int column) {
        long[] counters = CounterRegistry.merge();
        List<Site> all = sites.snapshot();
        long sum = 0;
        for (int id = 0; id < all.size(); id++) {
            Site site = all.get(id);
            int index = id * Evidence.WIDTH + column;
            if (site.methodName().equals(method) && site.primitive().equals(primitive) && index < counters.length) {
                sum += counters[index];
            }
        }
        return sum;
    }

    /**
     * The JDK's synchronizedList/Set wrappers are instrumented where the application's List and Set calls go: each
     * method's {@code synchronized (mutex)} block is a monitor site (the class is only rewritten here, a java.* class
     * cannot be defined by a test's loader; LibraryWorkloadsIT's in-flight-requests runs it under the agent).
     */
    @Test
    void theJdksSynchronizedCollectionWrapperGetsMonitorSites() throws Exception {
        assertThat(monitorSitesOf("java.util.Collections$SynchronizedCollection"))
                .contains("add", "remove", "size", "contains", "clear");
    }

    /** A copy-on-write list's writes copy under its lock (a monitor since JDK 9); its reads take none. */
    @Test
    void theJdksCopyOnWriteListGetsMonitorSitesAtItsWritesOnly() throws Exception {
        assertThat(monitorSitesOf("java.util.concurrent.CopyOnWriteArrayList"))
                .contains("add", "remove", "addIfAbsent", "set", "clear").doesNotContain("get", "size", "iterator");
    }

    /** The methods of a JDK class that get a monitor site when the class is rewritten. */
    private static List<String> monitorSitesOf(String jdkClass) throws IOException {
        SiteTable table = new SiteTable(1000);
        Selection selection = new Selection(List.of("com.acme."), List.of(), EnumSet.allOf(Family.class));
        assertThat(new CallSiteTransformer(table, selection, null, null).rewrite(bytesOf(jdkClass))).isNotNull();
        return table.snapshot().stream().filter(s -> s.className().equals(jdkClass))
                .filter(s -> s.primitive().equals("monitorenter")).map(Site::methodName).toList();
    }

    private static byte[] bytesOf(String className) throws IOException {
        try (InputStream in = CallSiteTransformerTest.class.getResourceAsStream(
                "/" + className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
