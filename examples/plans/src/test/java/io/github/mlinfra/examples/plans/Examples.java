package io.github.mlinfra.examples.plans;

import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/** The examples named in the plans module's {@code plan.examples} property, planned once per JVM. */
final class Examples {
    private static Map<String, Plan> plans;

    private Examples() {}

    /**
     * NAME to CLASS, from the system property the pom sets.
     *
     * @return the examples
     */
    static Map<String, String> classes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : System.getProperty("plan.examples", "").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            out.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no examples configured: set plan.examples in examples/plans/pom.xml");
        }
        return out;
    }

    static synchronized Map<String, Plan> plans() {
        if (plans == null) {
            Map<String, Plan> m = new LinkedHashMap<>();
            classes().forEach((name, cls) -> m.put(name, PlanEngine.plan(program(cls),
                    PlanOptions.builder().project(name).stack("dev").build())));
            plans = m;
        }
        return plans;
    }

    static java.util.function.Consumer<com.pulumi.Context> program(String cls) {
        try {
            Method m = Class.forName(cls).getMethod("stack", com.pulumi.Context.class);
            return ctx -> {
                try {
                    m.invoke(null, ctx);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("example class " + cls + " has no stack(Context)", e);
        }
    }
}
