package io.costlevel.samples;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * Platform or virtual threads for the virtual-thread samples (S13..S15). This module compiles for Java 17, where
 * {@code Thread.ofVirtual()} does not exist, so virtual threads are made through method handles found once; on a
 * JDK without them {@link #VIRTUAL} is unavailable and the samples say so instead of running.
 */
enum ThreadKind {
    PLATFORM, VIRTUAL;

    /** {@code Thread.ofVirtual().factory()} on JDK 21+, else null. */
    private static final ThreadFactory VIRTUAL_FACTORY = virtualFactory();

    private static ThreadFactory virtualFactory() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            return (ThreadFactory) factory.invoke(ofVirtual.invoke());
        } catch (ReflectiveOperationException e) {
            return null; // before JDK 21 (19-20: preview only)
        } catch (Throwable e) {
            throw new IllegalStateException("Thread.ofVirtual() failed", e);
        }
    }

    boolean available() {
        return this == PLATFORM || VIRTUAL_FACTORY != null;
    }

    /** Why this kind cannot run here: one line for the samples' output. */
    String unavailableReason() {
        return "skipped: virtual threads need JDK 21 or later, this is Java " + System.getProperty("java.version");
    }

    /** Starts {@code task} on a new thread of this kind. */
    Thread start(Runnable task, String name) {
        Thread thread = this == PLATFORM ? new Thread(task) : VIRTUAL_FACTORY.newThread(task);
        thread.setName(name);
        if (this == PLATFORM) {
            thread.setDaemon(true); // a worker stuck past its bound must not keep the JVM alive
        }
        thread.start();
        return thread;
    }

    static ThreadKind parse(String option) {
        switch (option) {
            case "--virtual":
                return VIRTUAL;
            case "--platform":
                return PLATFORM;
            default:
                throw new IllegalArgumentException("unknown option '" + option + "'");
        }
    }
}
