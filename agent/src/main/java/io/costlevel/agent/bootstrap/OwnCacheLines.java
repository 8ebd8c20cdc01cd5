package io.costlevel.agent.bootstrap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A probe class whose instances are written by their thread on every operation: they must share no cache line with
 * another object, or two threads' counters placed side by side (by the allocator or by a GC copying them) slow
 * every counted operation of both (false sharing). Rewritten, like {@link OutOfLine}, into the JDK's
 * {@code jdk.internal.vm.annotation.Contended}, which HotSpot honours in boot-loader classes without a flag: it
 * pads the object's fields by 128 bytes on both sides.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OwnCacheLines {}
