package io.github.mlinfra.aws;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SageMaker ML instance types each API accepts: SageMaker validates {@code InstanceType}
 * against a fixed enumeration per API and refuses any other value with a ValidationException, so a
 * misspelt or unsupported type fails at {@code pulumi up} (a notebook) or when the pipeline runs (a
 * training or processing step).
 *
 * <p>Sources, looked up 2026-11-30 (the lists are the "Valid Values" of these API pages, copied from
 * the same enumerations in the AWS service model that botocore 1.43.11 ships,
 * {@code botocore/data/sagemaker/2017-07-24/service-2.json}, shapes {@code InstanceType},
 * {@code TrainingInstanceType} and {@code ProcessingInstanceType}; {@code BotocoreCrossCheckTest}
 * compares them with the installed model):
 * <ul>
 * <li>notebook instances: <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html">CreateNotebookInstance</a> {@code InstanceType};</li>
 * <li>training jobs (and pipeline training steps): <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html">ResourceConfig</a> {@code InstanceType};</li>
 * <li>processing jobs (and pipeline processing steps): <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingClusterConfig.html">ProcessingClusterConfig</a> {@code InstanceType}.</li>
 * </ul>
 * The notebook list is the API's; {@code com.pulumi:aws} 6.83 validates it against the enumeration
 * of its own AWS SDK, which can lag the API for the newest types.
 */
public final class SageMakerInstanceTypes {
    /** The date the lists were looked up. */
    public static final String LOOKED_UP = "2026-11-30";
    /** CreateNotebookInstance: the notebook instance types. */
    public static final String NOTEBOOK_SOURCE =
            "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html";
    /** ResourceConfig: the training instance types. */
    public static final String TRAINING_SOURCE = "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html";
    /** ProcessingClusterConfig: the processing instance types. */
    public static final String PROCESSING_SOURCE =
            "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingClusterConfig.html";

    /** Which API an instance type is sent to. */
    public enum Api {
        /** CreateNotebookInstance. */
        NOTEBOOK,
        /** CreateTrainingJob (a pipeline Training step). */
        TRAINING,
        /** CreateProcessingJob (a pipeline Processing step). */
        PROCESSING
    }

    private static final Set<String> NOTEBOOK = expand(
            "c4: xlarge 2xlarge 4xlarge 8xlarge",
            "c5: xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
            "c5d: xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
            "c6i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "c6id: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "c7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "g4dn: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
            "g5: xlarge 2xlarge 4xlarge 8xlarge 16xlarge 12xlarge 24xlarge 48xlarge",
            "g6: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "inf1: xlarge 2xlarge 6xlarge 24xlarge",
            "inf2: xlarge 8xlarge 24xlarge 48xlarge",
            "m4: xlarge 2xlarge 4xlarge 10xlarge 16xlarge",
            "m5: xlarge 2xlarge 4xlarge 12xlarge 24xlarge",
            "m5d: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
            "m6i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "m6id: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "m7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "p2: xlarge 8xlarge 16xlarge",
            "p3: 2xlarge 8xlarge 16xlarge",
            "p3dn: 24xlarge",
            "p4d: 24xlarge",
            "p4de: 24xlarge",
            "p5: 48xlarge 4xlarge",
            "p5en: 48xlarge",
            "p6-b200: 48xlarge",
            "r5: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
            "r6i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "r6id: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "r7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "t2: medium large xlarge 2xlarge",
            "t3: medium large xlarge 2xlarge",
            "trn1: 2xlarge 32xlarge",
            "trn1n: 32xlarge");

    private static final Set<String> TRAINING = expand(
            "c4: xlarge 2xlarge 4xlarge 8xlarge",
            "c5: xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
            "c5n: xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
            "c6i: xlarge 2xlarge 8xlarge 4xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "c7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "g4dn: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
            "g5: xlarge 2xlarge 4xlarge 8xlarge 16xlarge 12xlarge 24xlarge 48xlarge",
            "g6: xlarge 2xlarge 4xlarge 8xlarge 16xlarge 12xlarge 24xlarge 48xlarge",
            "g6e: xlarge 2xlarge 4xlarge 8xlarge 16xlarge 12xlarge 24xlarge 48xlarge",
            "g7e: 2xlarge 4xlarge 8xlarge 12xlarge 24xlarge 48xlarge",
            "m4: xlarge 2xlarge 4xlarge 10xlarge 16xlarge",
            "m5: large xlarge 2xlarge 4xlarge 12xlarge 24xlarge",
            "m6i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "m7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "p2: xlarge 8xlarge 16xlarge",
            "p3: 2xlarge 8xlarge 16xlarge",
            "p3dn: 24xlarge",
            "p4d: 24xlarge",
            "p4de: 24xlarge",
            "p5: 48xlarge 4xlarge",
            "p5e: 48xlarge",
            "p5en: 48xlarge",
            "p6-b200: 48xlarge",
            "p6-b300: 48xlarge",
            "p6e-gb200: 36xlarge",
            "r5: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
            "r5d: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
            "r7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "t3: medium large xlarge 2xlarge",
            "trn1: 2xlarge 32xlarge",
            "trn1n: 32xlarge",
            "trn2: 48xlarge");

    private static final Set<String> PROCESSING = expand(
            "c4: xlarge 2xlarge 4xlarge 8xlarge",
            "c5: xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
            "c6i: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "c7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "g4dn: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
            "g5: xlarge 2xlarge 4xlarge 8xlarge 16xlarge 12xlarge 24xlarge 48xlarge",
            "g6: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "g6e: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "g7e: 2xlarge 4xlarge 8xlarge 12xlarge 24xlarge 48xlarge",
            "m4: xlarge 2xlarge 4xlarge 10xlarge 16xlarge",
            "m5: large xlarge 2xlarge 4xlarge 12xlarge 24xlarge",
            "m6i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "m7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "p2: xlarge 8xlarge 16xlarge",
            "p3: 2xlarge 8xlarge 16xlarge",
            "p5: 4xlarge",
            "r5: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
            "r5d: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
            "r7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "t3: medium large xlarge 2xlarge");

    private SageMakerInstanceTypes() {}

    /**
     * The instance types an API accepts.
     *
     * @param api the API
     * @return the {@code ml.*} types, sorted
     */
    public static Set<String> accepted(Api api) {
        switch (api) {
            case NOTEBOOK: return NOTEBOOK;
            case TRAINING: return TRAINING;
            default: return PROCESSING;
        }
    }

    /**
     * Whether an API accepts an instance type.
     *
     * @param api the API
     * @param instanceType e.g. {@code ml.m5.xlarge}
     * @return true when it is one of the API's valid values
     */
    public static boolean accepts(Api api, String instanceType) {
        return accepted(api).contains(instanceType);
    }

    /** {@code "family: size size ..."} lines to {@code ml.family.size} values. */
    private static Set<String> expand(String... lines) {
        Set<String> out = new TreeSet<>();
        for (String line : lines) {
            String family = line.substring(0, line.indexOf(':'));
            for (String size : line.substring(line.indexOf(':') + 1).trim().split(" ")) {
                out.add("ml." + family + "." + size);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * The families of the accepted types of an API, for messages.
     *
     * @param api the API
     * @return e.g. {@code [ml.c5, ml.g5, ...]}
     */
    public static List<String> families(Api api) {
        Set<String> out = new TreeSet<>();
        for (String t : accepted(api)) {
            out.add(t.substring(0, t.lastIndexOf('.')));
        }
        return List.copyOf(out);
    }
}
