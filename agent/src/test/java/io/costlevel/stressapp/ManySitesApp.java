package io.costlevel.stressapp;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Measures what the agent's tables cost in heap at many sites: defines a class with {@code SITES} call sites
 * (100 methods of up to 100 {@code AtomicLong.incrementAndGet} calls, each on a line of its own), has
 * {@code THREADS} threads call every site once and stay alive (as a service's pool threads do), then prints the heap
 * used after full GCs. Run it with and without the agent: the difference is the agent's heap. Numbers in
 * docs/overhead.md, "Memory and disk bounds".
 *
 * <p>{@code java [-javaagent:costlevel-agent.jar=include=io.costlevel.stressapp.,interval=1] -cp
 * agent/target/test-classes:BYTE_BUDDY_JAR io.costlevel.stressapp.ManySitesApp SITES THREADS}
 */
public final class ManySitesApp {
    private static final int SITES_PER_METHOD = 100;

    public static void main(String[] args) throws Exception {
        int sites = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        Method[] methods = define(sites).getMethods();
        AtomicLong target = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        CountDownLatch measured = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    for (Method m : methods) {
                        if (m.getName().startsWith("sites")) {
                            m.invoke(null, target);
                        }
                    }
                    done.countDown();
                    measured.await(); // stay alive: a live thread keeps its counters
                } catch (ReflectiveOperationException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        Thread.sleep(2_500); // let a snapshot or two run, so the agent's tables are as they are in service
        long used = usedAfterGc();
        System.out.printf("sites=%d threads=%d ops=%d heapUsedBytes=%d%n", sites, threads, target.get(), used);
        measured.countDown();
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /** A class in this package (so the lookup may define it) whose every call is a site of its own. */
    private static Class<?> define(int sites) throws IllegalAccessException {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        String name = ManySitesApp.class.getPackageName().replace('.', '/') + "/GeneratedSites";
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, null, "java/lang/Object", null);
        for (int first = 0; first < sites; first += SITES_PER_METHOD) {
            MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sites" + first,
                    "(Ljava/util/concurrent/atomic/AtomicLong;)V", null, null);
            method.visitCode();
            for (int site = first; site < Math.min(sites, first + SITES_PER_METHOD); site++) {
                Label line = new Label();
                method.visitLabel(line);
                method.visitLineNumber(site + 1, line);
                method.visitVarInsn(Opcodes.ALOAD, 0);
                method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/util/concurrent/atomic/AtomicLong",
                        "incrementAndGet", "()J", false);
                method.visitInsn(Opcodes.POP2);
            }
            method.visitInsn(Opcodes.RETURN);
            method.visitMaxs(0, 0);
            method.visitEnd();
        }
        writer.visitEnd();
        return MethodHandles.lookup().defineClass(writer.toByteArray());
    }
}
