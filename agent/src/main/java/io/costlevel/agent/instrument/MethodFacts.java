package io.costlevel.agent.instrument;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A first, read-only pass over a class: does it call anything we instrument, and per method the size of its local
 * variable table (the rewrite puts its temporaries after it, where they cannot clash with the method's own) and
 * its first line (the line of a synchronized method's site), and the calls on objects the method made and keeps to
 * itself ({@link ConfinedReceivers}), worked out only for methods that make such an object.
 */
final class MethodFacts {
    private final Map<String, Integer> maxLocals = new HashMap<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    private final Set<String> allocating = new HashSet<>();
    private Map<String, BitSet> confined = Map.of();
    private boolean anySite;

    private MethodFacts() {}

    static MethodFacts of(byte[] classfile, ClassReader reader, PrimitiveTable table, Selection selection) {
        MethodFacts facts = new MethodFacts();
        reader.accept(facts.new Scanner(table, selection), ClassReader.SKIP_FRAMES);
        if (facts.anySite && !facts.allocating.isEmpty()) {
            facts.confined = ConfinedReceivers.of(classfile, facts.allocating);
        }
        return facts;
    }

    /** The method's calls, by ordinal among its method calls, whose receiver it made and keeps to itself. */
    BitSet confinedCalls(String name, String descriptor) {
        return confined.getOrDefault(name + descriptor, EMPTY);
    }

    private static final BitSet EMPTY = new BitSet();

    boolean anySite() {
        return anySite;
    }

    int maxLocals(String name, String descriptor) {
        return maxLocals.getOrDefault(name + descriptor, 0);
    }

    int firstLine(String name, String descriptor) {
        return firstLine.getOrDefault(name + descriptor, -1);
    }

    private final class Scanner extends ClassVisitor {
        private final PrimitiveTable table;
        private final Selection selection;

        Scanner(PrimitiveTable table, Selection selection) {
            super(Opcodes.ASM9);
            this.table = table;
            this.selection = selection;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            String key = name + descriptor;
            if ((access & Opcodes.ACC_SYNCHRONIZED) != 0 && selection.monitors()) {
                anySite = true;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.MONITORENTER && selection.monitors()) {
                        anySite = true;
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    Primitive primitive = table.find(owner, method, desc);
                    if (primitive != null && selection.enabled(primitive.family())) {
                        anySite = true;
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.NEW && ConfinedReceivers.creates(type)) {
                        allocating.add(key);
                    }
                }

                @Override
                public void visitLineNumber(int line, Label start) {
                    firstLine.putIfAbsent(key, line);
                }

                @Override
                public void visitMaxs(int maxStack, int locals) {
                    maxLocals.put(key, locals);
                }
            };
        }
    }
}
