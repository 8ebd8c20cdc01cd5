package io.costlevel.agent.bootstrap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A probe method the JIT must never inline. As the agent defines the probe classes in the boot loader, it rewrites this
 * mark into the JDK's {@code jdk.internal.vm.annotation.DontInline}, which HotSpot honours in boot-loader classes only,
 * and which this code cannot name itself ({@code javac --release 17} does not see that package: java.base does not
 * export it).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OutOfLine {}
