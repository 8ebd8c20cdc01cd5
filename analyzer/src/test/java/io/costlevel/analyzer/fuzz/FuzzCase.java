package io.costlevel.analyzer.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * What one fuzz case hands the analyzer: a damaged recording, a damaged costlevel-sites.json, or an
 * agent out directory holding both (one of them damaged), as {@code analyze} meets them in the field.
 */
final class FuzzCase {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path SITES = Path.of("src/test/resources/agent-fixtures/synchronized-8t-sites.json");
    private static final String SITES_NAME = "costlevel-sites.json";

    private final List<byte[]> recordings;
    private final byte[] sites;

    private FuzzCase(List<byte[]> recordings, byte[] sites) {
        this.recordings = recordings;
        this.sites = sites;
    }

    static FuzzCase loadSeeds() throws IOException {
        List<byte[]> recordings;
        try (var files = Files.list(GOLDEN)) {
            recordings = files.filter(p -> p.toString().endsWith(".jfr")).sorted().map(FuzzCase::read).toList();
        }
        if (recordings.isEmpty()) {
            throw new IllegalStateException("no golden .jfr recordings under " + GOLDEN.toAbsolutePath());
        }
        return new FuzzCase(recordings, Files.readAllBytes(SITES));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one damaged input into {@code dir} and returns the path to give {@code analyze}, and what was done. */
    Written write(Random random, Mutator mutator, Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] recording = recordings.get(random.nextInt(recordings.size()));
        switch (random.nextInt(3)) {
            case 0 -> {
                Mutation m = mutator.mutate(recording, false);
                return new Written(Files.write(dir.resolve("recording.jfr"), m.bytes()), "recording " + m.description());
            }
            case 1 -> {
                Mutation m = mutator.mutate(sites, true);
                return new Written(Files.write(dir.resolve(SITES_NAME), m.bytes()), SITES_NAME + " " + m.description());
            }
            default -> {
                boolean damageSites = random.nextBoolean();
                Mutation m = mutator.mutate(damageSites ? sites : recording, damageSites);
                Files.write(dir.resolve(SITES_NAME), damageSites ? m.bytes() : sites);
                Files.write(dir.resolve("costlevel.jfr"), damageSites ? recording : m.bytes());
                return new Written(dir, "agent directory, " + (damageSites ? SITES_NAME : "costlevel.jfr") + " "
                        + m.description());
            }
        }
    }

    record Written(Path input, String description) {
    }
}
