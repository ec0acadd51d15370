package io.github.mlinfra.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Validation, reference collection and the secure defaults shared by the step types and their parts. */
final class Steps {
    /** SageMaker's limit on a job's maximum runtime: 28 days. */
    static final long MAX_RUNTIME_LIMIT = 2_419_200L;

    private Steps() {}

    /**
     * A container image a step names.
     *
     * @param attribute the builder attribute that sets it, e.g. {@code trainingImage}
     * @param value the image
     * @param pulledByJob whether the pipeline's role pulls it (a job's image; a registered model's
     *     image is pulled later by whoever deploys it)
     */
    record Image(String attribute, PipelineValue value, boolean pulledByJob) {
        /**
         * A job's image.
         *
         * @param attribute the builder attribute
         * @param value the image
         * @return the image, pulled by the job's role
         */
        static Optional<Image> pulledByJob(String attribute, PipelineValue value) {
            return Optional.of(new Image(attribute, value, true));
        }
    }

    /**
     * What {@link SecureTrainingPipeline} sets on every job step.
     *
     * @param roleArn the execution role
     * @param keyArn the key of outputs and volumes; empty when MLI-SM-08 is waived
     * @param base {@code s3://<bucket>/<prefix>}, under which unset S3 URIs point
     * @param vpc the job placement; empty when MLI-SM-10 is waived
     * @param runtime the runtime cap, in seconds
     * @param isolate the network isolation default
     * @param interContainer the inter-container encryption default
     * @param instanceStorage whether an instance type has instance storage (then no volume key)
     */
    record JobDefaults(String roleArn, Optional<String> keyArn, String base, Optional<VpcConfig> vpc, long runtime,
                       boolean isolate, boolean interContainer, Predicate<PipelineValue> instanceStorage) {}

    static void checkCommon(String kind, PipelineStep s) {
        Check.matches(kind + ".name", s.getName(), PipelineStep.NAME, "letters, digits, _ and - (1 to 64 characters)");
        for (String d : s.getDependsOn()) {
            Check.matches(kind + ".dependsOn", d, PipelineStep.NAME, "step names (letters, digits, _ and -; 1 to 64)");
        }
    }

    /**
     * Refuses a value outside an enumeration, in the project's error format.
     *
     * @param argument e.g. {@code TrainingChannel.s3DataType}
     * @param value the value
     * @param problem what is wrong, e.g. {@code unknown S3 data type}
     * @param allowed the values SageMaker accepts
     */
    static void oneOf(String argument, String value, String problem, String... allowed) {
        if (!Arrays.asList(allowed).contains(value)) {
            int last = allowed.length - 1;
            String expected = last == 0 ? allowed[0]
                    : String.join(", ", Arrays.copyOf(allowed, last)) + " or " + allowed[last];
            Check.fail(argument, problem, value, expected);
        }
    }

    /**
     * Refuses a processing input's or output's container path outside {@code /opt/ml/processing/}.
     *
     * @param argument e.g. {@code ProcessingInput.localPath}
     * @param path the path
     */
    static void processingPath(String argument, String path) {
        if (!path.startsWith("/opt/ml/processing/")) {
            Check.fail(argument, "outside the processing directory", path, "a path under /opt/ml/processing/");
        }
    }

    /**
     * Writes what a processing input and output share: {@code {"<nameField>": name,
     * "AppManaged": false, "<s3Field>": {"S3Uri": …, "LocalPath": …}}}.
     *
     * @param n the empty input or output node
     * @param nameField {@code InputName} or {@code OutputName}
     * @param name the name
     * @param s3Field {@code S3Input} or {@code S3Output}
     * @param uri the S3 URI, if set
     * @param localPath the container path
     * @return the S3 node, for the kind's own fields
     */
    static ObjectNode writeS3Part(ObjectNode n, String nameField, String name, String s3Field, Optional<PipelineValue> uri,
                                  String localPath) {
        n.put(nameField, name);
        n.put("AppManaged", false);
        ObjectNode s3 = n.putObject(s3Field);
        uri.ifPresent(u -> s3.set("S3Uri", u.toJson()));
        s3.put("LocalPath", localPath);
        return s3;
    }

    /**
     * Reads what {@link #writeS3Part} writes.
     *
     * @param n the input or output node
     * @param nameField {@code InputName} or {@code OutputName}
     * @param s3Field {@code S3Input} or {@code S3Output}
     * @param name sets the name
     * @param localPath sets the container path
     * @param uri sets the S3 URI, when present
     * @return the S3 node, for the kind's own fields
     */
    static JsonNode readS3Part(JsonNode n, String nameField, String s3Field, Consumer<String> name, Consumer<String> localPath,
                               Consumer<PipelineValue> uri) {
        JsonNode s3 = n.path(s3Field);
        name.accept(PipelineJson.text(n, nameField));
        localPath.accept(PipelineJson.text(s3, "LocalPath"));
        if (s3.has("S3Uri")) {
            uri.accept(PipelineJson.value(s3.get("S3Uri")));
        }
        return s3;
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
