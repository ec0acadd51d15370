package io.github.mlinfra.cli;

import io.github.mlinfra.plan.PlanCommand;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code mlinfra} command line: {@code plan} plans example stacks offline.
 */
public final class Main {
    private Main() {}

    /**
     * Runs a subcommand.
     *
     * @param args the subcommand and its arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 success, 1 failures found, 2 bad input
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("mlinfra: usage: plan [--dir DIR] [--show tree|summary] [--only NAMES] NAME=CLASS...");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "plan":
                return PlanCommand.run(rest, out, err);
            default:
                err.println("mlinfra: unknown command '" + args[0] + "' (commands: plan)");
                return 2;
        }
    }

    /**
     * Entry point.
     *
     * @param args the subcommand and its arguments
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }
}
