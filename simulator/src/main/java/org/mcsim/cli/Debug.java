package org.mcsim.cli;

import picocli.CommandLine;

/** Whether {@code --debug} was given on the command line. */
final class Debug {
    private Debug() {
    }

    static boolean enabled(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }
}
