package io.github.mlinfra.guard;

import com.pulumi.Context;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Plans a program and checks it with every rule. */
final class GuardTesting {
    private GuardTesting() {}

    static Plan plan(Consumer<Context> program) {
        return PlanEngine.plan(program);
    }

    static PostureReport check(Consumer<Context> program) {
        return Guard.defaults().check(plan(program));
    }

    /**
     * Plans a deliberately odd program (one the provider would refuse, e.g. a platform identifier
     * com.pulumi:aws 6.83 rejects) with the plan engine's preflight off, and checks it with every rule.
     */
    static PostureReport checkWithoutPreflight(Consumer<Context> program) {
        return Guard.defaults().check(PlanEngine.plan(program, io.github.mlinfra.plan.PlanOptions.builder().preflight(false).build()));
    }

    static List<Finding> findings(PostureReport report, String rule) {
        return report.findingsOf(rule);
    }

    static List<String> rulesFired(PostureReport report) {
        return report.getFindings().stream().map(Finding::getRule).distinct().sorted().collect(Collectors.toList());
    }

    static List<String> rulesFiredWithPrefix(PostureReport report, String prefix) {
        return rulesFired(report).stream().filter(r -> r.startsWith(prefix)).collect(Collectors.toList());
    }
}
