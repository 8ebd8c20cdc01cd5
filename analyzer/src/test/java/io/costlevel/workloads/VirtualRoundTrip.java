package io.costlevel.workloads;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Platform threads fanning a task out to a virtual thread and waiting for it, on one line (JDK 21+): the caller
 * starts a virtual thread per task (a submission to the virtual-thread scheduler, which wakes a carrier) and parks
 * until the task's thread has run and woken it. Starting a virtual thread goes through the same scheduler call as
 * waking one, but nothing unmounts: its samples are not a virtual-thread handoff.
 */
final class VirtualRoundTrip implements Workloads.Operation {
    /** {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up so that the workloads compile for JDK 17. */
    static final ExecutorService PER_TASK = perTask();

    private static ExecutorService perTask() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need JDK 21 or later", e);
        }
    }

    @Override
    public long op() {
        try {
            return PER_TASK.submit(() -> 1L).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
