package io.costlevel.analyzer;

import picocli.CommandLine;

/** The analyzer's version, from the jar manifest (Implementation-Version), "dev" when run from classes. */
public final class AnalyzerVersion implements CommandLine.IVersionProvider {

    public static String current() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"costlevel " + current()};
    }
}
