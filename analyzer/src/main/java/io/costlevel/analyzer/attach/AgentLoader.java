package io.costlevel.analyzer.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads the agent into another JVM through the Attach API (module jdk.attach). {@code loadAgent} returns once the
 * agent's {@code agentmain} has returned, that is once the instrumentation and the recording are running.
 */
final class AgentLoader {
    private AgentLoader() {}

    static void load(long pid, Path agentJar, String options) throws AttachException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw new AttachException("cannot attach to PID " + pid + ": not a Java VM, or one that refuses attaching"
                    + " (another user, -XX:+DisableAttachMechanism) (" + e.getMessage() + ")", e);
        } catch (LinkageError e) {
            throw new AttachException("attach needs a JDK with the jdk.attach module; this Java has none ("
                    + System.getProperty("java.home") + ")", e);
        }
        try {
            vm.loadAgent(agentJar.toString(), options);
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new AttachException("PID " + pid + " did not load the agent (" + e.getMessage()
                    + "); the JVM must be Java 17 or later", e);
        } catch (IOException e) {
            throw new AttachException("PID " + pid + " stopped answering while the agent loaded (" + e.getMessage() + ")", e);
        } finally {
            detachQuietly(vm);
        }
    }

    /** A PID that is not there, or is this command itself, is told before anything is attached. */
    static void checkProcess(long pid) throws AttachException {
        if (pid == ProcessHandle.current().pid()) {
            throw new AttachException("PID " + pid + " is this costlevel command itself; give the PID of the application");
        }
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new AttachException("no process with PID " + pid);
        }
    }

    /**
     * The bundled agent lives in a directory only this user can read, so a JVM of another user (attached as root)
     * could not load it; told before attaching rather than as the target's failure to open the jar.
     */
    static void checkSameUser(long pid) throws AttachException {
        String self = System.getProperty("user.name");
        String owner = ProcessHandle.of(pid).flatMap(p -> p.info().user()).orElse(self);
        if (!owner.equals(self)) {
            throw new AttachException("PID " + pid + " runs as " + owner + ", this command as " + self
                    + ": run attach as " + owner + " (the agent jar is kept where only its user can read it)");
        }
    }

    private static void detachQuietly(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException ignored) {
            // The agent is loaded; a failed goodbye on the attach socket changes nothing.
        }
    }
}
