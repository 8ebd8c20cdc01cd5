package io.costlevel.agent.instrument;

/** Gives the sites of one method their ids: the method's part of a {@link Site}, the line and primitive per call. */
final class SiteRecorder {
    private final SiteTable table;
    private final String className;
    private final String methodName;
    private final String descriptor;

    SiteRecorder(SiteTable table, String className, String methodName, String descriptor) {
        this.table = table;
        this.className = className;
        this.methodName = methodName;
        this.descriptor = descriptor;
    }

    int record(int line, Primitive primitive) {
        return table.idOf(new Site(className, methodName, descriptor, line, primitive.name(), primitive.kind()));
    }
}
