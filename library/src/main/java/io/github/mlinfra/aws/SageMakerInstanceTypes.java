package io.github.mlinfra.aws;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Every accepted type once, one row per family and size list: the APIs that accept those sizes
     * ({@code N} notebook, {@code T} training, {@code P} processing), then {@code family: sizes}.
     * A family whose APIs accept different sizes has one row per group of APIs.
     */
    private static final Map<Api, Set<String>> ACCEPTED = expand(
            "NTP c4: xlarge 2xlarge 4xlarge 8xlarge",
            "NTP c5: xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
            "N   c5d: xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
            "T   c5n: xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
            "NTP c6i: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "N   c6i: large",
            "N   c6id: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "NTP c7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "NTP g4dn: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
            "NTP g5: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "NTP g6: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "TP  g6e: xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "TP  g7e: 2xlarge 4xlarge 8xlarge 12xlarge 24xlarge 48xlarge",
            "N   inf1: xlarge 2xlarge 6xlarge 24xlarge",
            "N   inf2: xlarge 8xlarge 24xlarge 48xlarge",
            "NTP m4: xlarge 2xlarge 4xlarge 10xlarge 16xlarge",
            "NTP m5: xlarge 2xlarge 4xlarge 12xlarge 24xlarge",
            "TP  m5: large",
            "N   m5d: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
            "NTP m6i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "N   m6id: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "NTP m7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "NTP p2: xlarge 8xlarge 16xlarge",
            "NTP p3: 2xlarge 8xlarge 16xlarge",
            "NT  p3dn: 24xlarge",
            "NT  p4d: 24xlarge",
            "NT  p4de: 24xlarge",
            "NTP p5: 4xlarge",
            "NT  p5: 48xlarge",
            "T   p5e: 48xlarge",
            "NT  p5en: 48xlarge",
            "NT  p6-b200: 48xlarge",
            "T   p6-b300: 48xlarge",
            "T   p6e-gb200: 36xlarge",
            "NTP r5: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
            "TP  r5d: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
            "N   r6i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "N   r6id: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
            "NTP r7i: large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
            "N   t2: medium large xlarge 2xlarge",
            "NTP t3: medium large xlarge 2xlarge",
            "NT  trn1: 2xlarge 32xlarge",
            "NT  trn1n: 32xlarge",
            "T   trn2: 48xlarge");

    private SageMakerInstanceTypes() {}

    /**
     * The instance types an API accepts.
     *
     * @param api the API
     * @return the {@code ml.*} types, sorted
     */
    public static Set<String> accepted(Api api) {
        return ACCEPTED.get(api);
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

    /** {@code "APIS family: size size ..."} rows to each API's {@code ml.family.size} values. */
    private static Map<Api, Set<String>> expand(String... rows) {
        Map<Api, Set<String>> out = new EnumMap<>(Api.class);
        for (Api api : Api.values()) {
            out.put(api, new TreeSet<>());
        }
        for (String row : rows) {
            String[] apisAndFamily = row.substring(0, row.indexOf(':')).split(" +");
            for (String size : row.substring(row.indexOf(':') + 1).trim().split(" ")) {
                for (char letter : apisAndFamily[0].toCharArray()) {
                    out.get(api(letter)).add("ml." + apisAndFamily[1] + "." + size);
                }
            }
        }
        out.replaceAll((api, types) -> Collections.unmodifiableSet(types));
        return out;
    }

    /** The API of a row's letter: the first letter of its name. */
    private static Api api(char letter) {
        for (Api api : Api.values()) {
            if (api.name().charAt(0) == letter) {
                return api;
            }
        }
        throw new IllegalStateException("no SageMaker API for the letter " + letter);
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
