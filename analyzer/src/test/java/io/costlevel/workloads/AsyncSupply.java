package io.costlevel.workloads;

import java.util.concurrent.CompletableFuture;

/**
 * A task handed to {@code CompletableFuture.supplyAsync} without an executor and joined: the common pool runs it, or,
 * where that pool's parallelism is 1 (2 cores or fewer), a new thread per task ({@code ThreadPerTaskExecutor}).
 */
final class AsyncSupply implements Workloads.Operation {
    @Override
    public long op() {
        return CompletableFuture.supplyAsync(() -> 1L).join();
    }
}
