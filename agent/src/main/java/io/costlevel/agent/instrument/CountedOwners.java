package io.costlevel.agent.instrument;

import java.util.concurrent.ConcurrentHashMap;

import io.costlevel.agent.bootstrap.CallProbes;

/**
 * Which JDK classes named by a call instruction are counted when the receiver is exactly that class
 * ({@code Random}, {@code ConcurrentHashMap}, {@code ArrayBlockingQueue}, {@code Logger}): the instrumented call then
 * passes the class as a constant, and the probe's inlined test is one compare of the receiver's class with it
 * ({@link CallProbes#beforeExact}). An interface ({@code Map}, {@code BlockingQueue}) or a class whose calls are not counted
 * gets no constant, and the probe decides from the receiver's class at run time.
 */
final class CountedOwners {
    /** Verdicts by internal name; a class is looked up once (a plain get then put, no lock held while loading). */
    private static final ConcurrentHashMap<String, Boolean> VERDICTS = new ConcurrentHashMap<>();

    private CountedOwners() {}

    /** Whether calls named {@code owner} (an internal name) on an instance of exactly that class are counted. */
    static boolean countsExactly(String owner) {
        Boolean verdict = VERDICTS.get(owner);
        if (verdict == null) {
            verdict = verdict(owner);
            VERDICTS.put(owner, verdict);
        }
        return verdict;
    }

    /** The JDK's classes only, from the boot loader, not initialized; anything else, or a failure, means no. */
    private static boolean verdict(String owner) {
        if (!owner.startsWith("java/")) {
            return false;
        }
        try {
            Class<?> type = Class.forName(owner.replace('/', '.'), false, null);
            return !type.isInterface() && CallProbes.counts(type);
        } catch (ClassNotFoundException | LinkageError notTheBootLoaders) {
            return false;
        }
    }
}
