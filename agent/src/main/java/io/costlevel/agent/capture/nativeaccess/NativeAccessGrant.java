package io.costlevel.agent.capture.nativeaccess;

import java.lang.reflect.Method;

/**
 * Enables native access (JEP 472) for the module this class is defined in. It is never used from
 * the agent's own class loader: {@code BundledModule} defines a copy of it inside the module that
 * holds async-profiler's classes, after the agent has opened {@code java.lang} to that module alone.
 * So the JDK's "restricted method" warning is avoided for async-profiler's {@code System.load}
 * without switching native access on for the application's own (unnamed) modules.
 */
public final class NativeAccessGrant {
    private NativeAccessGrant() {}

    /** JDK 22+; before that JNI needs no grant and the method does not exist. */
    public static void grantToOwnModule() throws ReflectiveOperationException {
        Method enable = Module.class.getDeclaredMethod("implAddEnableNativeAccess");
        enable.setAccessible(true);
        enable.invoke(NativeAccessGrant.class.getModule());
    }
}
