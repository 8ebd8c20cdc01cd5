package io.costlevel.agent.instrument;

import io.costlevel.agent.bootstrap.Callers;
import io.costlevel.agent.bootstrap.NeverBlocking;

/** Gives the sites of one method their ids: the method's part of a {@link Site}, the line and primitive per call. */
final class SiteRecorder {
    private final SiteTable table;
    private final String className;
    private final String methodName;
    private final String descriptor;
    /** The class is a library's, not the application's: its sites' callers are looked for ({@link Callers}). */
    private final boolean library;
    /** The class is one of the JDK's the agent counts in: its callers are looked for even with no application named. */
    private final boolean jdkClass;

    SiteRecorder(SiteTable table, String className, String methodName, String descriptor, boolean library) {
        this.table = table;
        this.className = className;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.library = library;
        this.jdkClass = Selection.isCountedJdkClass(className.replace('.', '/'));
    }

    /**
     * A call left uninstrumented because its receiver never leaves the method ({@link ConfinedReceivers}): a site of kind
     * {@link Site#CONFINED}, never counted, written out so the analyzer knows the line's silence was looked at.
     */
    void recordConfined(int line, Primitive primitive) {
        table.idOf(new Site(className, methodName, descriptor, line, primitive.name(), Site.CONFINED));
    }

    /**
     * {@link #record} for a call instruction with this descriptor: an operation that never blocks is marked so, and a
     * timing of it that lasted a context switch is taken for a preemption ({@link NeverBlocking}).
     */
    int recordCall(int line, Primitive primitive, String descriptor) {
        int id = record(line, primitive);
        if (id != SiteTable.OVERFLOW_ID && primitive.neverBlocks(descriptor)) {
            NeverBlocking.mark(id);
        }
        return id;
    }

    int record(int line, Primitive primitive) {
        int id = table.idOf(new Site(className, methodName, descriptor, line, primitive.name(), primitive.kind()));
        if (jdkClass && id != SiteTable.OVERFLOW_ID) {
            Callers.markJdkClass(id);
        } else if (library && id != SiteTable.OVERFLOW_ID) {
            Callers.markLibrary(id);
        }
        return id;
    }
}
