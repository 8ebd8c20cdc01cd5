package io.costlevel.agent.instrument;

import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** Rewrites every method of a class with a {@link CallSiteMethodVisitor}; counts synchronized methods at entry. */
final class CallSiteClassVisitor extends ClassVisitor {
    /** Class files before Java 5 cannot load a class constant with ldc. */
    private static final int JAVA_5 = 49;

    private final SiteTable sites;
    private final PrimitiveTable table;
    private final Selection selection;
    private final MethodFacts facts;
    private String internalName;
    private int classVersion;

    CallSiteClassVisitor(ClassVisitor next, SiteTable sites, PrimitiveTable table, Selection selection,
            MethodFacts facts) {
        super(Opcodes.ASM9, next);
        this.sites = sites;
        this.table = table;
        this.selection = selection;
        this.facts = facts;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        internalName = name;
        classVersion = version & 0xFFFF;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (next == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return next;
        }
        SiteRecorder recorder = new SiteRecorder(sites, internalName.replace('/', '.'), name, descriptor,
                !selection.isApplication(internalName));
        MethodVisitor rewriter = new CallSiteMethodVisitor(next, recorder, table, selection,
                facts.maxLocals(name, descriptor), classVersion >= JAVA_5, facts.confinedCalls(name, descriptor));
        if ((access & Opcodes.ACC_SYNCHRONIZED) == 0 || !selection.monitors()) {
            return rewriter;
        }
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        int site = recorder.record(facts.firstLine(name, descriptor), Primitive.SYNCHRONIZED_METHOD);
        return new MethodVisitor(Opcodes.ASM9, rewriter) {
            @Override
            public void visitCode() {
                super.visitCode();
                pushLock(this, isStatic);
                visitLdcInsn(site);
                visitMethodInsn(Opcodes.INVOKESTATIC, "io/costlevel/agent/bootstrap/Probes", "synchronizedMethod",
                        "(Ljava/lang/Object;I)V", false);
            }
        };
    }

    /** The monitor a synchronized method holds: {@code this}, or its class. */
    private void pushLock(MethodVisitor visitor, boolean isStatic) {
        if (!isStatic) {
            visitor.visitVarInsn(Opcodes.ALOAD, 0);
        } else if (classVersion >= JAVA_5) {
            visitor.visitLdcInsn(Type.getObjectType(internalName));
        } else {
            visitor.visitInsn(Opcodes.ACONST_NULL);
        }
    }
}
