package io.costlevel.analyzer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the command line's INPUT arguments into one {@link RunInput} per JVM, checking each file's
 * first bytes so that a wrong file fails here with one clear line rather than deep in a parser.
 */
public final class InputResolver {
    /** Written by the agent into its out directory (docs/agent-data-format.md). */
    public static final String AGENT_SITES = "costlevel-sites.json";

    /** Every JFR chunk starts with these bytes ("FLR" and a zero). */
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    private InputResolver() {}

    public static List<RunInput> resolve(List<Path> arguments) throws InputException {
        if (arguments.isEmpty()) {
            throw new InputException("no input given: name an agent out directory or a .jfr file");
        }
        List<RunInput> runs = new ArrayList<>();
        for (Path argument : arguments) {
            runs.add(resolveOne(argument));
        }
        return runs;
    }

    private static RunInput resolveOne(Path argument) throws InputException {
        if (!Files.exists(argument)) {
            throw new InputException(argument + ": no such file or directory");
        }
        if (Files.isDirectory(argument)) {
            return agentDirectory(argument);
        }
        return switch (contentOf(argument)) {
            case JFR -> new RunInput(argument.toString(), null, List.of(argument));
            case JSON -> new RunInput(argument.toString(), argument, List.of());
        };
    }

    /** An agent out directory: its sites file and every recording beside it belong to one JVM. */
    private static RunInput agentDirectory(Path dir) throws InputException {
        Path sites = dir.resolve(AGENT_SITES);
        Path agentSites = null;
        if (Files.isRegularFile(sites)) {
            if (contentOf(sites) != Content.JSON) {
                throw new InputException(sites + ": not a costlevel-sites.json written by the agent");
            }
            agentSites = sites;
        }
        List<Path> recordings = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                // The agent writes snapshots to temp files and renames them; skip anything half-written.
                if (file.getFileName().toString().endsWith(".jfr") && Files.isRegularFile(file)) {
                    if (contentOf(file) != Content.JFR) {
                        throw new InputException(file + ": not a JFR recording");
                    }
                    recordings.add(file);
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list directory (" + e.getMessage() + ")", e);
        }
        if (agentSites == null && recordings.isEmpty()) {
            throw new InputException(dir + ": no " + AGENT_SITES + " and no .jfr recording in this directory");
        }
        return new RunInput(dir.toString(), agentSites, List.copyOf(recordings));
    }

    private enum Content { JFR, JSON }

    private static Content contentOf(Path file) throws InputException {
        byte[] head = new byte[JFR_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (read == 0) {
            throw new InputException(file + ": empty file, not a recording");
        }
        if (read == JFR_MAGIC.length && java.util.Arrays.equals(head, JFR_MAGIC)) {
            return Content.JFR;
        }
        if (startsLikeJson(head, read)) {
            return Content.JSON;
        }
        throw new InputException(file + ": not a JFR recording nor " + AGENT_SITES);
    }

    private static boolean startsLikeJson(byte[] head, int read) {
        for (int i = 0; i < read; i++) {
            byte b = head[i];
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }
}
