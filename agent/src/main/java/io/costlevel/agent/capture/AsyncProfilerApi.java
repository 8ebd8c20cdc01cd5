package io.costlevel.agent.capture;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** async-profiler's Java API, reached by reflection because its class lives in a {@link BundledModule}. */
final class AsyncProfilerApi {
    private final Object profiler;
    private final Method execute;

    AsyncProfilerApi(Object profiler) throws NoSuchMethodException {
        this.profiler = profiler;
        this.execute = profiler.getClass().getMethod("execute", String.class);
    }

    /** Runs one command ("start,event=cpu,...", "dump", "stop"); async-profiler's error message on failure. */
    String execute(String command) throws ProfilerCommandException {
        try {
            return (String) execute.invoke(profiler, command);
        } catch (InvocationTargetException e) {
            throw new ProfilerCommandException(ProfilerLibrary.rootMessage(e));
        } catch (IllegalAccessException e) {
            throw new ProfilerCommandException(e.getMessage());
        }
    }

    /** async-profiler refused a command. */
    static final class ProfilerCommandException extends Exception {
        private static final long serialVersionUID = 1L;

        ProfilerCommandException(String message) {
            super(message, null, false, false);
        }
    }
}
