package io.costlevel.agent.instrument;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Calls on an object of a synchronized legacy class ({@code StringBuffer}, {@code Vector}, {@code Hashtable}) that
 * the method itself created and that never leaves it: no other thread can reach the object, and C2 removes its locks
 * (escape analysis): {@code new StringBuffer().append("a").append(1).length()} costs 0.5 ns natively. A probe would
 * hand the object to its out-of-line path, which makes it escape: the same line cost 49 ns under the agent and read
 * as L1 (2-vCPU EPYC guest, JDK 17, 2026-12-05). Such calls are left as they are and reported as confined.
 *
 * <p>A data-flow pass over the method (ASM's {@link SourceInterpreter}): a call's receiver is confined when every
 * value that can reach it comes from a {@code new} of such a class in this method, through locals, {@code dup},
 * {@code checkcast} and the class's own methods that return {@code this} ({@code append}, {@code insert}), and no use
 * of any of those values lets it out: stored in a field or an array, returned, thrown, passed as an argument, captured
 * by a lambda, or the receiver of a method of another class. Conservative: anything it cannot follow is not confined.
 */
final class ConfinedReceivers {
    /** The classes whose calls are counted for their lock and whose local instances C2 can strip of it. */
    static final Set<String> CLASSES = Set.of("java/lang/StringBuffer", "java/util/Vector", "java/util/Stack",
            "java/util/Hashtable");

    private ConfinedReceivers() {}

    /** Whether the class file creates an object of one of {@link #CLASSES} at all: the analysis is not needed otherwise. */
    static boolean creates(String owner) {
        return CLASSES.contains(owner);
    }

    /**
     * Per method ({@code name + descriptor}), the method-call instructions, by their ordinal among the method's
     * method-call instructions (the order a visitor sees them), whose receiver is confined. Methods without any are
     * absent; a method the analysis cannot follow (malformed, or too large) has none.
     */
    static Map<String, BitSet> of(byte[] classfile, Set<String> methods) {
        ClassNode node = new ClassNode();
        new ClassReader(classfile).accept(node, ClassReader.SKIP_FRAMES);
        Map<String, BitSet> confined = new HashMap<>();
        for (MethodNode method : node.methods) {
            String key = method.name + method.desc;
            if (!methods.contains(key)) {
                continue;
            }
            try {
                BitSet calls = new Method(node.name, method).confinedCalls();
                if (!calls.isEmpty()) {
                    confined.put(key, calls);
                }
            } catch (AnalyzerException | RuntimeException e) {
                // Not followed: every call stays instrumented.
            }
        }
        return confined;
    }

    /**
     * What a value can be: some of the method's allocations of the tracked classes, and ({@code other}) possibly
     * anything else (a parameter, a field, a call's result).
     */
    private record Origins(Set<AbstractInsnNode> allocations, boolean other) {
        static final Origins NONE = new Origins(Set.of(), false);
        static final Origins OTHER = new Origins(Set.of(), true);

        Origins plus(Origins o) {
            if (o.allocations.isEmpty() || allocations.isEmpty()) {
                return new Origins(allocations.isEmpty() ? o.allocations : allocations, other || o.other);
            }
            Set<AbstractInsnNode> both = new HashSet<>(allocations);
            both.addAll(o.allocations);
            return new Origins(both, other || o.other);
        }
    }

    /** One method's analysis. */
    private static final class Method {
        private final MethodNode method;
        private final Frame<SourceValue>[] frames;
        private final Map<AbstractInsnNode, Integer> index = new HashMap<>();
        /** Per value-producing instruction followed from the top, what it can carry. */
        private final Map<AbstractInsnNode, Origins> origins = new HashMap<>();

        Method(String owner, MethodNode method) throws AnalyzerException {
            this.method = method;
            this.frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
            for (int i = 0; i < method.instructions.size(); i++) {
                index.put(method.instructions.get(i), i);
            }
        }

        BitSet confinedCalls() {
            Set<AbstractInsnNode> escaped = escapedAllocations();
            BitSet confined = new BitSet();
            int ordinal = 0;
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                if (!(insn instanceof MethodInsnNode call)) {
                    continue;
                }
                if (call.getOpcode() == Opcodes.INVOKEVIRTUAL && CLASSES.contains(call.owner) && frames[i] != null) {
                    Origins from = originsOf(receiver(frames[i], call));
                    if (!from.other() && !from.allocations().isEmpty()
                            && from.allocations().stream().noneMatch(escaped::contains)) {
                        confined.set(ordinal);
                    }
                }
                ordinal++;
            }
            return confined;
        }

        /** The allocations of the tracked classes that some use lets out of the method. */
        private Set<AbstractInsnNode> escapedAllocations() {
            Set<AbstractInsnNode> escaped = new HashSet<>();
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                Frame<SourceValue> frame = frames[i];
                if (frame == null) {
                    continue;
                }
                List<SourceValue> consumed = consumed(insn, frame);
                for (int k = 0; k < consumed.size(); k++) {
                    if (letsOut(insn, k, consumed.size())) {
                        // Every allocation the value may carry, also where it may carry something else (merged with a
                        // parameter at a branch): the allocation leaves all the same.
                        escaped.addAll(originsOf(consumed.get(k)).allocations());
                    }
                }
            }
            return escaped;
        }

        /**
         * Whether an instruction's use of its {@code k}-th operand (of {@code n}, the deepest first) can let the object
         * out. Moves within the method (locals, dup, checkcast, pop, compares) cannot; neither can being the receiver
         * of a tracked class's own method or constructor (its code keeps {@code this} to itself).
         */
        private static boolean letsOut(AbstractInsnNode insn, int k, int n) {
            int op = insn.getOpcode();
            switch (op) {
                case Opcodes.ASTORE, Opcodes.POP, Opcodes.POP2, Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2, Opcodes.DUP2,
                        Opcodes.DUP2_X1, Opcodes.DUP2_X2, Opcodes.SWAP, Opcodes.CHECKCAST, Opcodes.INSTANCEOF,
                        Opcodes.IFNULL, Opcodes.IFNONNULL, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE, Opcodes.MONITORENTER,
                        Opcodes.MONITOREXIT, Opcodes.GETFIELD, Opcodes.ARRAYLENGTH:
                    return false;
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL: {
                    MethodInsnNode call = (MethodInsnNode) insn;
                    return !(k == 0 && CLASSES.contains(call.owner) && returnsNoView(call));
                }
                case Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IALOAD, Opcodes.LALOAD,
                        Opcodes.FALOAD, Opcodes.DALOAD:
                    return false;
                case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
                        Opcodes.SASTORE:
                    return false;
                case Opcodes.PUTFIELD:
                    return k == n - 1; // the value stored; the object written to is the deeper operand
                default:
                    // putstatic, aastore, areturn, athrow, invokestatic/interface/dynamic arguments, anything else
                    return true;
            }
        }

        /** The values an instruction takes from the stack, the deepest first. */
        private List<SourceValue> consumed(AbstractInsnNode insn, Frame<SourceValue> frame) {
            int n = consumedCount(insn);
            List<SourceValue> values = new ArrayList<>(n);
            int top = frame.getStackSize();
            for (int s = Math.max(0, top - n); s < top; s++) {
                values.add(frame.getStack(s));
            }
            return values;
        }

        private static int consumedCount(AbstractInsnNode insn) {
            int op = insn.getOpcode();
            if (insn instanceof MethodInsnNode call) {
                return Type.getArgumentTypes(call.desc).length + (op == Opcodes.INVOKESTATIC ? 0 : 1);
            }
            if (op == Opcodes.INVOKEDYNAMIC) {
                return Type.getArgumentTypes(((org.objectweb.asm.tree.InvokeDynamicInsnNode) insn).desc).length;
            }
            return switch (op) {
                case Opcodes.ASTORE, Opcodes.POP, Opcodes.DUP, Opcodes.CHECKCAST, Opcodes.INSTANCEOF, Opcodes.IFNULL,
                        Opcodes.IFNONNULL, Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.GETFIELD,
                        Opcodes.ARRAYLENGTH, Opcodes.ARETURN, Opcodes.ATHROW, Opcodes.PUTSTATIC, Opcodes.DUP_X1,
                        Opcodes.DUP_X2 -> 1;
                case Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE, Opcodes.PUTFIELD, Opcodes.SWAP, Opcodes.POP2, Opcodes.DUP2,
                        Opcodes.DUP2_X1, Opcodes.DUP2_X2, Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD,
                        Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD -> 2;
                case Opcodes.AASTORE, Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE,
                        Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> 3;
                // Instructions that take no object operand (or only primitives): nothing of ours to let out.
                default -> 0;
            };
        }

        /** The receiver of a call: below its arguments on the stack. */
        private static SourceValue receiver(Frame<SourceValue> frame, MethodInsnNode call) {
            int args = Type.getArgumentTypes(call.desc).length;
            return frame.getStack(frame.getStackSize() - args - 1);
        }

        /** The tracked allocations a value may carry, and whether it may carry anything else. */
        private Origins originsOf(SourceValue value) {
            return originsOf(value, new HashSet<>());
        }

        private Origins originsOf(SourceValue value, Set<AbstractInsnNode> visiting) {
            if (value.insns.isEmpty()) {
                return Origins.OTHER; // a parameter, this, or a caught exception
            }
            Origins all = Origins.NONE;
            for (AbstractInsnNode source : value.insns) {
                all = all.plus(originOf(source, visiting));
            }
            return all;
        }

        private Origins originOf(AbstractInsnNode source, Set<AbstractInsnNode> visiting) {
            Origins known = origins.get(source);
            if (known != null) {
                return known;
            }
            if (!visiting.add(source)) {
                return Origins.NONE; // a loop back to a value being followed adds nothing new
            }
            Origins result = follow(source, visiting);
            visiting.remove(source);
            if (visiting.isEmpty()) {
                origins.put(source, result); // complete only when followed from the top, not cut by a loop
            }
            return result;
        }

        private Origins follow(AbstractInsnNode source, Set<AbstractInsnNode> visiting) {
            if (isTrackedNew(source)) {
                return new Origins(Set.of(source), false);
            }
            Integer at = index.get(source);
            Frame<SourceValue> frame = at == null ? null : frames[at];
            if (frame == null) {
                return Origins.OTHER;
            }
            int op = source.getOpcode();
            if (op == Opcodes.ALOAD) {
                return originsOf(frame.getLocal(((VarInsnNode) source).var), visiting);
            }
            if (op == Opcodes.ASTORE || op == Opcodes.DUP || op == Opcodes.CHECKCAST) {
                return originsOf(frame.getStack(frame.getStackSize() - 1), visiting);
            }
            if (source instanceof MethodInsnNode call && returnsItself(call)) {
                return originsOf(receiver(frame, call), visiting);
            }
            return Origins.OTHER;
        }

        /**
         * Whether a call's result cannot reach its receiver: nothing, a primitive, a String, an element ({@code Object}),
         * or the buffer itself (followed as the receiver, {@link #returnsItself}). An iterator, an enumeration, a
         * collection view or a stream holds the object it came from, and another thread given it would lock that.
         */
        private static boolean returnsNoView(MethodInsnNode call) {
            Type result = Type.getReturnType(call.desc);
            return result.getSort() != Type.OBJECT && result.getSort() != Type.ARRAY
                    || result.getInternalName().equals("java/lang/String")
                    || result.getInternalName().equals("java/lang/Object") || returnsItself(call);
        }

        /** StringBuffer's appends and inserts return the buffer itself ({@code return this}). */
        private static boolean returnsItself(MethodInsnNode call) {
            return call.getOpcode() == Opcodes.INVOKEVIRTUAL && CLASSES.contains(call.owner)
                    && Type.getReturnType(call.desc).getInternalName().equals(call.owner)
                    && call.owner.equals("java/lang/StringBuffer");
        }

        private static boolean isTrackedNew(AbstractInsnNode insn) {
            return insn.getOpcode() == Opcodes.NEW && CLASSES.contains(((TypeInsnNode) insn).desc);
        }
    }
}
