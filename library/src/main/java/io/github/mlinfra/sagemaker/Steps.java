package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.Check;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Validation and reference collection shared by the step types. */
final class Steps {
    /** SageMaker's limit on a job's maximum runtime: 28 days. */
    static final long MAX_RUNTIME_LIMIT = 2_419_200L;

    private Steps() {}

    static void checkCommon(String kind, PipelineStep s) {
        Check.matches(kind + ".name", s.getName(), PipelineStep.NAME, "letters, digits, _ and - (1 to 64 characters)");
        for (String d : s.getDependsOn()) {
            Check.matches(kind + ".dependsOn", d, PipelineStep.NAME, "step names (letters, digits, _ and -; 1 to 64)");
        }
    }

    static void checkRuntime(String kind, Optional<Long> seconds) {
        seconds.ifPresent(v -> Check.range(kind + ".maxRuntimeInSeconds", v, 1, MAX_RUNTIME_LIMIT, "seconds"));
    }

    static void checkCount(String kind, PipelineValue count) {
        count.literalLong().ifPresent(n -> Check.range(kind + ".instanceCount", n, 1, 100, "instances"));
    }

    static List<String> refs(Collection<?> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof PipelineValue pv) {
                out.addAll(pv.references());
            } else if (v instanceof Optional<?> o && o.isPresent() && o.get() instanceof PipelineValue pv) {
                out.addAll(pv.references());
            } else if (v instanceof Collection<?> c) {
                out.addAll(refs(c));
            }
        }
        return out;
    }
}
