package io.costlevel.analyzer.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Damages an input the way disks, copies and killed writers do: cut short, bytes flipped, ranges
 * zeroed, ranges duplicated (a JFR file may hold several chunks, so a repeated run of bytes looks
 * like a second chunk or constant pool to the parser), and for JSON numbers replaced by hostile
 * values that still parse. Everything comes from one seeded {@link Random}, so a failing case is
 * reproduced by its seed.
 */
final class Mutator {
    /** JSON values that parse but that no agent writes: out-of-range, wrong type, missing. */
    private static final String[] HOSTILE_JSON_VALUES = {
        "-1", "0", "9223372036854775807", "-9223372036854775808", "1e308", "-1e308", "1e-320",
        "99999999999999999999999", "null", "\"x\"", "[]", "{}", "true", "0.5"
    };

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    Mutation mutate(byte[] original, boolean json) {
        int choice = random.nextInt(json ? 6 : 5);
        return switch (choice) {
            case 0 -> truncate(original);
            case 1 -> flipBytes(original);
            case 2 -> zeroRange(original);
            case 3 -> duplicateRange(original);
            case 4 -> twice(flipBytes(original), original);
            default -> hostileJsonNumber(original);
        };
    }

    private Mutation truncate(byte[] original) {
        int length = random.nextInt(original.length);
        return new Mutation("truncated to " + length + " of " + original.length + " bytes",
                Arrays.copyOf(original, length));
    }

    private Mutation flipBytes(byte[] original) {
        byte[] bytes = original.clone();
        int count = 1 + random.nextInt(16);
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] ^= (byte) (1 + random.nextInt(255));
            where.append(i == 0 ? "" : ",").append(at);
        }
        return new Mutation("flipped bytes at " + where, bytes);
    }

    private Mutation zeroRange(byte[] original) {
        byte[] bytes = original.clone();
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(4096));
        Arrays.fill(bytes, from, to, (byte) 0);
        return new Mutation("zeroed bytes " + from + ".." + to, bytes);
    }

    private Mutation duplicateRange(byte[] original) {
        int from = random.nextInt(original.length);
        int to = Math.min(original.length, from + 1 + random.nextInt(original.length - from));
        int insertAt = random.nextInt(original.length + 1);
        byte[] bytes = new byte[original.length + (to - from)];
        System.arraycopy(original, 0, bytes, 0, insertAt);
        System.arraycopy(original, from, bytes, insertAt, to - from);
        System.arraycopy(original, insertAt, bytes, insertAt + (to - from), original.length - insertAt);
        return new Mutation("bytes " + from + ".." + to + " inserted again at " + insertAt, bytes);
    }

    /** A valid recording followed by a damaged copy of itself: the damage sits in a second chunk. */
    private Mutation twice(Mutation damagedCopy, byte[] original) {
        byte[] bytes = Arrays.copyOf(original, original.length + damagedCopy.bytes().length);
        System.arraycopy(damagedCopy.bytes(), 0, bytes, original.length, damagedCopy.bytes().length);
        return new Mutation("whole input, then a copy with " + damagedCopy.description(), bytes);
    }

    private Mutation hostileJsonNumber(byte[] original) {
        String text = new String(original, StandardCharsets.UTF_8);
        int start = randomDigitPosition(text);
        if (start < 0) {
            return flipBytes(original);
        }
        while (start > 0 && isNumberChar(text.charAt(start - 1))) {
            start--;
        }
        int end = start;
        while (end < text.length() && isNumberChar(text.charAt(end))) {
            end++;
        }
        String value = HOSTILE_JSON_VALUES[random.nextInt(HOSTILE_JSON_VALUES.length)];
        String mutated = text.substring(0, start) + value + text.substring(end);
        return new Mutation("number " + text.substring(start, end) + " at " + start + " replaced by " + value,
                mutated.getBytes(StandardCharsets.UTF_8));
    }

    private int randomDigitPosition(String text) {
        for (int tries = 0; tries < 100; tries++) {
            int at = random.nextInt(text.length());
            if (Character.isDigit(text.charAt(at))) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+';
    }
}
