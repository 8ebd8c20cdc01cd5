package io.costlevel.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.costlevel.agent.instrument.fixture.Confinement;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Which calls on a legacy synchronized object a method made are confined to it ({@link Confinement}). */
class ConfinedReceiversTest {
    private static final String CLASS = Confinement.class.getName().replace('.', '/');

    @Test
    void aBufferTheMethodMakesAndKeepsIsConfinedThroughItsChainsAndLocals() throws IOException {
        assertThat(confined("chained")).containsExactly("StringBuffer.append", "StringBuffer.append", "StringBuffer.length");
        assertThat(confined("builtAndRead")).containsExactly("StringBuffer.append", "StringBuffer.toString");
        assertThat(confined("vectorAndTable")).containsExactly("Vector.add", "Vector.size", "Hashtable.put",
                "Hashtable.size");
    }

    @Test
    void anObjectThatLeavesTheMethodIsNot() throws IOException {
        for (String method : List.of("returned", "stored", "passed", "captured", "parameter", "merged", "chainReturned",
                "iteratorLeaves", "mergedThenStored")) {
            assertThat(confined(method)).as(method).isEmpty();
        }
        assertThat(confined("appendedToAnother")).as("the outer buffer only")
                .containsExactly("StringBuffer.append", "StringBuffer.length");
    }

    /** The calls of a method the analysis marks confined, as Owner.method in order. */
    private static List<String> confined(String method) throws IOException {
        byte[] bytes = bytesOf();
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
        MethodNode target = node.methods.stream().filter(m -> m.name.equals(method)).findFirst().orElseThrow();
        Map<String, BitSet> all = ConfinedReceivers.of(bytes, Set.of(target.name + target.desc));
        BitSet bits = all.getOrDefault(target.name + target.desc, new BitSet());
        List<String> calls = new ArrayList<>();
        int ordinal = 0;
        for (AbstractInsnNode insn : target.instructions) {
            if (insn instanceof MethodInsnNode call) {
                if (bits.get(ordinal)) {
                    assertThat(call.getOpcode()).isEqualTo(Opcodes.INVOKEVIRTUAL);
                    calls.add(call.owner.substring(call.owner.lastIndexOf('/') + 1) + "." + call.name);
                }
                ordinal++;
            }
        }
        return calls;
    }

    private static byte[] bytesOf() throws IOException {
        try (InputStream in = ConfinedReceiversTest.class.getResourceAsStream("/" + CLASS + ".class")) {
            return in.readAllBytes();
        }
    }
}
