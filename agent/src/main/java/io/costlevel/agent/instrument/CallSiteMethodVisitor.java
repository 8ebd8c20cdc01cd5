package io.costlevel.agent.instrument;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

import io.costlevel.agent.bootstrap.Evidence;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Rewrites one method's calls to the primitives of {@link PrimitiveTable} into
 * <pre>
 *   [receiver] args           -> args spilled to fresh locals
 *   h = Probes.before(target, site); reload args; ORIGINAL CALL (unchanged); Probes.afterXxx([result,] h, site)
 * </pre>
 * (or a call of the same-named {@link io.costlevel.agent.bootstrap.AcquireProbes} method for blocking acquisitions),
 * and {@code monitorenter} into {@code Probes.beforeMonitor} before it plus {@code Probes.afterMonitor} as the first
 * instruction of the protected range that follows it. The inserted code has no branches, so the method's stack
 * map frames stay valid as they are; the temporaries live after the method's own locals and only between the
 * instructions of one site.
 */
final class CallSiteMethodVisitor extends MethodVisitor {
    private static final String AGENT_PACKAGE = "io/costlevel/agent/";
    private static final String PROBES = "io/costlevel/agent/bootstrap/Probes";
    private static final String ACQUIRE_PROBES = "io/costlevel/agent/bootstrap/AcquireProbes";
    private static final String CALL_PROBES = "io/costlevel/agent/bootstrap/CallProbes";
    private static final String COUNTERS = "Lio/costlevel/agent/bootstrap/ThreadCounters;";
    private static final String BEFORE = "(Ljava/lang/Object;I)" + COUNTERS;
    private static final String BEFORE_ELEMENT = "(Ljava/lang/Object;II)" + COUNTERS;
    private static final int CACHE_LINE_SHIFT = 6;

    private final SiteRecorder sites;
    private final PrimitiveTable table;
    private final Selection selection;
    /** First index after the method's own locals: the temporaries of one site start here. */
    private final int firstFreeLocal;
    /** The class file may load a class constant with ldc (Java 5 on). */
    private final boolean classConstants;
    private final Set<Label> tryStarts = new HashSet<>();
    private int line = -1;
    /** A monitorenter whose closing probe waits for its protected range to start: the site, or -1. */
    private int pendingMonitorSite = -1;
    private boolean pendingRangeStarted;
    /** The method's own calls left as they are, by ordinal among them ({@link ConfinedReceivers}). */
    private final BitSet confinedCalls;
    /** Ordinal of the next of the method's own calls (the agent's probe calls handed in by a wrapper not counted). */
    private int callOrdinal;

    CallSiteMethodVisitor(MethodVisitor next, SiteRecorder sites, PrimitiveTable table, Selection selection,
            int firstFreeLocal, boolean classConstants, BitSet confinedCalls) {
        super(Opcodes.ASM9, next);
        this.confinedCalls = confinedCalls;
        this.sites = sites;
        this.table = table;
        this.selection = selection;
        this.firstFreeLocal = firstFreeLocal;
        this.classConstants = classConstants;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        tryStarts.add(start);
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
        if (pendingMonitorSite >= 0 && tryStarts.contains(label)) {
            pendingRangeStarted = true;
        }
        super.visitLabel(label);
    }

    @Override
    public void visitLineNumber(int lineNumber, Label start) {
        line = lineNumber;
        super.visitLineNumber(lineNumber, start);
    }

    /** A frame here declares which locals exist; our timing temporary is not among them, so it is given up. */
    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        pendingMonitorSite = -1;
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    /** Called before every instruction: closes a monitorenter's timing once its protected range has begun. */
    private void beforeInstruction() {
        if (pendingMonitorSite < 0) {
            return;
        }
        if (pendingRangeStarted) {
            super.visitVarInsn(Opcodes.LLOAD, firstFreeLocal);
            pushInt(pendingMonitorSite);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "afterMonitor", "(JI)V", false);
        }
        pendingMonitorSite = -1;
    }

    @Override
    public void visitInsn(int opcode) {
        beforeInstruction();
        if (opcode == Opcodes.MONITORENTER && selection.monitors()) {
            int site = sites.record(line, Primitive.MONITORENTER);
            super.visitInsn(Opcodes.DUP);
            pushInt(site);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "beforeMonitor", "(Ljava/lang/Object;I)J", false);
            super.visitVarInsn(Opcodes.LSTORE, firstFreeLocal);
            super.visitInsn(opcode);
            pendingMonitorSite = site;
            pendingRangeStarted = false;
            return;
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        beforeInstruction();
        // invokespecial is a subclass calling the JDK's implementation (super.lock()): its own code, left alone
        // (replacing it by AcquireProbes.lock would call the subclass's lock() again, forever).
        Primitive primitive = opcode == Opcodes.INVOKESPECIAL ? null : table.find(owner, name, descriptor);
        boolean confined = !owner.startsWith(AGENT_PACKAGE) && confinedCalls.get(callOrdinal++);
        // A static call into the JDK is counted with its class as the state it moves (pushed as a constant, which a
        // class file older than Java 5 cannot hold: left as it is there).
        boolean staticCall = opcode == Opcodes.INVOKESTATIC && primitive != null
                && (primitive.shape() == Shape.CALL || primitive.shape() == Shape.CALL_BLOCKING);
        if (primitive == null || !selection.enabled(primitive.family()) || (staticCall && !classConstants)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        if (confined) {
            sites.recordConfined(line, primitive);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        int site = sites.recordCall(line, primitive, descriptor);
        if (primitive.shape() == Shape.REPLACE) {
            pushInt(site);
            String receiver = Type.getObjectType(replacedReceiver(owner)).getDescriptor();
            String replaced = "(" + receiver + descriptor.substring(1, descriptor.indexOf(')')) + "I)"
                    + Type.getReturnType(descriptor).getDescriptor();
            super.visitMethodInsn(Opcodes.INVOKESTATIC, ACQUIRE_PROBES, name, replaced, false);
            return;
        }
        wrap(opcode, owner, name, descriptor, isInterface, primitive, site);
    }

    /** The parameter type of the AcquireProbes replacement: Lock for every lock class, else the owner itself. */
    private static String replacedReceiver(String owner) {
        return owner.startsWith("java/util/concurrent/locks/") && !owner.endsWith("StampedLock")
                ? "java/util/concurrent/locks/Lock" : owner;
    }

    private void wrap(int opcode, String owner, String name, String descriptor, boolean isInterface,
            Primitive primitive, int site) {
        boolean hasReceiver = opcode != Opcodes.INVOKESTATIC;
        Type[] arguments = Type.getArgumentTypes(descriptor);
        int[] argumentLocals = new int[arguments.length];
        int next = firstFreeLocal;
        for (int i = 0; i < arguments.length; i++) {
            argumentLocals[i] = next;
            next += arguments[i].getSize();
        }
        int countersLocal = next;
        for (int i = arguments.length - 1; i >= 0; i--) {
            super.visitVarInsn(arguments[i].getOpcode(Opcodes.ISTORE), argumentLocals[i]);
        }
        if (primitive.shape() == Shape.CALL || primitive.shape() == Shape.CALL_BLOCKING) {
            beforeCall(primitive.target(), owner, isInterface, hasReceiver, arguments, argumentLocals, site);
        } else {
            before(primitive, owner, hasReceiver, arguments, argumentLocals, site);
        }
        super.visitVarInsn(Opcodes.ASTORE, countersLocal);
        for (int i = 0; i < arguments.length; i++) {
            super.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), argumentLocals[i]);
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        after(primitive.shape(), Type.getReturnType(descriptor), arguments, argumentLocals, countersLocal, site);
    }

    private void before(Primitive primitive, String owner, boolean hasReceiver, Type[] arguments,
            int[] argumentLocals, int site) {
        boolean element = pushTarget(primitive.target(), owner, hasReceiver, arguments, argumentLocals);
        pushInt(site);
        if (element) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "beforeElement", BEFORE_ELEMENT, false);
        } else {
            boolean blocking = isBlocking(primitive.shape());
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, blocking ? "beforeBlocking" : "before", BEFORE, false);
        }
    }

    /**
     * A call into a JDK API (CallProbes): the receiver, for a keyed map call the key too, the class the instruction
     * names when calls on exactly that class are counted ({@link CountedOwners}; the probe's {@code beforeExact}
     * forms), and the site. The probe decides from the receiver's class whether the call is counted at all.
     */
    private void beforeCall(Target target, String owner, boolean isInterface, boolean hasReceiver, Type[] arguments,
            int[] argumentLocals, int site) {
        if (hasReceiver) {
            super.visitInsn(Opcodes.DUP);
        } else {
            // A static call (UUID.randomUUID: the JVM's one generator): its class stands for the state it moves, and
            // is the receiver whose class, Class, the probe compares with the constant below.
            super.visitLdcInsn(Type.getObjectType(owner));
        }
        boolean keyed = target == Target.RECEIVER_KEY && arguments.length > 0 && isReference(arguments[0]);
        if (keyed) {
            super.visitVarInsn(Opcodes.ALOAD, argumentLocals[0]);
        }
        boolean exact = !hasReceiver || (classConstants && !isInterface && CountedOwners.countsExactly(owner));
        if (exact) {
            super.visitLdcInsn(Type.getObjectType(hasReceiver ? owner : "java/lang/Class"));
        }
        pushInt(site);
        String kind = keyed ? "Keyed" : target == Target.NONE ? "Unchecked" : "";
        String receivers = keyed ? "Ljava/lang/Object;Ljava/lang/Object;" : "Ljava/lang/Object;";
        String descriptor = "(" + receivers + (exact ? "Ljava/lang/Class;" : "") + "I)" + COUNTERS;
        super.visitMethodInsn(Opcodes.INVOKESTATIC, CALL_PROBES, (exact ? "beforeExact" : "before") + kind, descriptor,
                false);
    }

    /**
     * Pushes the object the handoff check is on and, for an array element, its 64-byte block (the index shifted
     * by the element size: one plain shift, whatever the sampling decides).
     *
     * @return whether a block was pushed
     */
    private boolean pushTarget(Target target, String owner, boolean hasReceiver, Type[] arguments, int[] argumentLocals) {
        boolean firstIsReference = arguments.length > 0 && isReference(arguments[0]);
        boolean indexFollows = arguments.length > 1 && arguments[1].getSort() == Type.INT;
        if (target == Target.FIRST_ARGUMENT && firstIsReference) {
            super.visitVarInsn(Opcodes.ALOAD, argumentLocals[0]);
            if (arguments[0].getSort() == Type.ARRAY && arguments[0].getDimensions() == 1 && indexFollows) {
                pushBlock(argumentLocals[1], CACHE_LINE_SHIFT - elementSizeShift(arguments[0].getElementType()));
                return true;
            }
        } else if (target == Target.RECEIVER_ELEMENT && hasReceiver && arguments.length > 0
                && arguments[0].getSort() == Type.INT) {
            super.visitInsn(Opcodes.DUP);
            Type element = owner.endsWith("AtomicLongArray") ? Type.LONG_TYPE : Type.INT_TYPE; // references: as ints
            pushBlock(argumentLocals[0], CACHE_LINE_SHIFT - elementSizeShift(element));
            return true;
        } else if (target != Target.NONE && hasReceiver) {
            super.visitInsn(Opcodes.DUP);
        } else {
            super.visitInsn(Opcodes.ACONST_NULL);
        }
        return false;
    }

    private void pushBlock(int indexLocal, int elementsPerLineShift) {
        super.visitVarInsn(Opcodes.ILOAD, indexLocal);
        pushInt(elementsPerLineShift);
        super.visitInsn(Opcodes.IUSHR);
    }

    /**
     * log2 of an array element's size in bytes; references count as 4 bytes (compressed oops, the default below
     * 32 GB of heap; with 8-byte references a block is two lines, the check a little coarser).
     */
    private static int elementSizeShift(Type element) {
        switch (element.getSort()) {
            case Type.LONG: case Type.DOUBLE:
                return 3;
            case Type.SHORT: case Type.CHAR:
                return 1;
            case Type.BYTE: case Type.BOOLEAN:
                return 0;
            default:
                return 2;
        }
    }

    private void after(Shape shape, Type result, Type[] arguments, int[] argumentLocals, int countersLocal, int site) {
        switch (shape) {
            case CAS:
                afterWithResult("afterCas", "Z", result, countersLocal, site);
                return;
            case TRY:
                afterWithResult("afterTry", "Z", result, countersLocal, site);
                return;
            case TRY_STAMP:
                afterWithResult("afterTryStamp", "J", result, countersLocal, site);
                return;
            case EXCHANGE:
                afterExchange(result, arguments, argumentLocals, countersLocal, site);
                return;
            case PARK:
                afterColumn("afterBlocking", Evidence.PARKS, countersLocal, site);
                return;
            case WAIT:
                afterColumn("afterBlocking", Evidence.WAITS, countersLocal, site);
                return;
            case SLEEP:
                afterColumn("afterBlocking", Evidence.SLEEPS, countersLocal, site);
                return;
            case YIELD:
                afterColumn("afterCounted", Evidence.YIELDS, countersLocal, site);
                return;
            case WAKEUP:
                afterColumn("afterCounted", Evidence.WAKEUPS, countersLocal, site);
                return;
            case SPIN:
                afterPlain("afterSpin", countersLocal, site);
                return;
            case CALL:
            case CALL_BLOCKING:
                super.visitVarInsn(Opcodes.ALOAD, countersLocal);
                pushInt(site);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, CALL_PROBES,
                        shape == Shape.CALL ? "after" : "afterBlocking", "(" + COUNTERS + "I)V", false);
                return;
            default:
                afterPlain("after", countersLocal, site);
        }
    }

    private void afterPlain(String probe, int countersLocal, int site) {
        super.visitVarInsn(Opcodes.ALOAD, countersLocal);
        pushInt(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, probe, "(" + COUNTERS + "I)V", false);
    }

    private void afterColumn(String probe, int column, int countersLocal, int site) {
        super.visitVarInsn(Opcodes.ALOAD, countersLocal);
        pushInt(site);
        pushInt(column);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, probe, "(" + COUNTERS + "II)V", false);
    }

    /** Passes a copy of the result (boolean or stamp) to the probe; a call of another shape is only counted. */
    private void afterWithResult(String probe, String expected, Type result, int countersLocal, int site) {
        if (!result.getDescriptor().equals(expected)) {
            afterPlain("after", countersLocal, site);
            return;
        }
        super.visitInsn(result.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
        super.visitVarInsn(Opcodes.ALOAD, countersLocal);
        pushInt(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, probe, "(" + expected + COUNTERS + "I)V", false);
    }

    /**
     * compareAndExchange failed when its witness differs from the expected value, the second-to-last argument.
     * A VarHandle call whose result is discarded or of another type than the expected value is only counted.
     */
    private void afterExchange(Type result, Type[] arguments, int[] argumentLocals, int countersLocal, int site) {
        int expectedIndex = arguments.length - 2;
        String probeType = expectedIndex < 0 ? null : exchangeProbeType(result);
        if (probeType == null || !probeType.equals(exchangeProbeType(arguments[expectedIndex]))) {
            afterPlain("after", countersLocal, site);
            return;
        }
        super.visitInsn(result.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
        super.visitVarInsn(arguments[expectedIndex].getOpcode(Opcodes.ILOAD), argumentLocals[expectedIndex]);
        super.visitVarInsn(Opcodes.ALOAD, countersLocal);
        pushInt(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "afterExchange",
                "(" + probeType + probeType + COUNTERS + "I)V", false);
    }

    /** The afterExchange overload for a value type (sub-int types widen to int), or null for void. */
    private static String exchangeProbeType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                return "I";
            case Type.LONG:
                return "J";
            case Type.FLOAT:
                return "F";
            case Type.DOUBLE:
                return "D";
            case Type.OBJECT: case Type.ARRAY:
                return "Ljava/lang/Object;";
            default:
                return null;
        }
    }

    private static boolean isBlocking(Shape shape) {
        return shape == Shape.PARK || shape == Shape.WAIT || shape == Shape.SLEEP;
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    private void pushInt(int value) {
        if (value >= -1 && value <= 5) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            super.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            super.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            super.visitLdcInsn(value);
        }
    }

    // Every other instruction closes a pending monitorenter timing first.

    @Override
    public void visitIntInsn(int opcode, int operand) {
        beforeInstruction();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        beforeInstruction();
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        beforeInstruction();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        beforeInstruction();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        beforeInstruction();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        beforeInstruction();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        beforeInstruction();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        beforeInstruction();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        beforeInstruction();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        beforeInstruction();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        beforeInstruction();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }
}
