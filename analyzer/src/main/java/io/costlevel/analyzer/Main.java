package io.costlevel.analyzer;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code costlevel} command line: one top-level command whose subcommands do the work
 * ({@code analyze}, {@code attach}, {@code diff} and {@code forecast}).
 */
@Command(name = "costlevel",
        mixinStandardHelpOptions = true,
        versionProvider = AnalyzerVersion.class,
        description = "Tells, per hot line of Java code, which tier (L0-L5) of the concurrency cost hierarchy it lives in.",
        subcommands = {AnalyzeCommand.class, AttachCommand.class, DiffCommand.class, ForecastCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        // No subcommand given: say what there is, as a usage error.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: analyze, attach, diff or forecast");
    }
}
