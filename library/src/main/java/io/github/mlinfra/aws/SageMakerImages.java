package io.github.mlinfra.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SageMaker's first-party framework images: the ECR registry account that publishes each image
 * family in each commercial-partition ({@code aws}) region. SageMaker pulls a job's image from the
 * job's own region only, so an image URI names the registry of the region it runs in:
 * {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>}.
 *
 * <pre>{@code
 * String xgboost = SageMakerImages.uri(SageMakerImages.Family.XGBOOST, "eu-west-1", "1.7-1");
 * // 141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1
 * }</pre>
 *
 * <p>Sources, looked up 2026-11-30:
 * <ul>
 * <li>SageMaker developer guide, "Docker Registry Paths and Example Code", one page per region
 *     (e.g. <a href="https://docs.aws.amazon.com/sagemaker/latest/dg-ecr-paths/ecr-us-east-1.html">us-east-1</a>,
 *     <a href="https://docs.aws.amazon.com/sagemaker/latest/dg-ecr-paths/ecr-eu-west-1.html">eu-west-1</a>):
 *     the Scikit-learn and XGBoost (algorithm and framework) registry accounts;</li>
 * <li>AWS Deep Learning Containers,
 *     <a href="https://github.com/aws/deep-learning-containers/blob/master/available_images.md">available_images.md</a>:
 *     the PyTorch and TensorFlow training registry accounts ({@code 763104351884} in most regions,
 *     a region's own account in the opt-in regions);</li>
 * <li>the same tables as data, in AWS's SageMaker Python SDK
 *     ({@code sagemaker-core/src/sagemaker/core/image_uri_config/sklearn.json}, {@code xgboost.json},
 *     {@code pytorch.json}, {@code tensorflow.json}, github aws/sagemaker-python-sdk at
 *     {@code a24812666d258d9d19c9a82d0c9385ca0bd3ba01}, 2026-08-21), from which this table was
 *     copied; China, GovCloud and ISO regions left out.</li>
 * </ul>
 */
public final class SageMakerImages {
    /**
     * "The Docker image for inference container in Amazon EC2 Container Registry must be in the
     * same region as the model" (ContainerDefinition); SageMaker pulls every job's image from the
     * job's own region. Looked up 2026-11-30.
     */
    public static final String REGION_SOURCE = "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html";
    /** The date the tables were looked up. */
    public static final String LOOKED_UP = "2026-11-30";

    /** An ECR image URI in the commercial partition: group 1 account, 2 region, 3 repository. */
    private static final Pattern ECR = Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z]{2}(?:-[a-z]+)+-\\d)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+).*");

    /**
     * The registry accounts, one row per region: the region, the account of SageMaker's own
     * framework containers (Scikit-learn, XGBoost) and the account of the Deep Learning Containers
     * (PyTorch, TensorFlow training); {@code -} where AWS publishes no such image in the region.
     */
    private static final List<String> ACCOUNTS = List.of(
            // region       frameworks    deep learning containers
            "af-south-1      510948584623  626614931356",
            "ap-east-1       651117190479  871362719292",
            "ap-east-2       -             975050140332",
            "ap-northeast-1  354813040037  763104351884",
            "ap-northeast-2  366743142698  763104351884",
            "ap-northeast-3  867004704886  364406365360",
            "ap-south-1      720646828776  763104351884",
            "ap-south-2      628508329040  772153158452",
            "ap-southeast-1  121021644041  763104351884",
            "ap-southeast-2  783357654285  763104351884",
            "ap-southeast-3  951798379941  907027046896",
            "ap-southeast-4  106583098589  457447274322",
            "ap-southeast-5  -             550225433462",
            "ap-southeast-6  -             633930458069",
            "ap-southeast-7  -             590183813437",
            "ca-central-1    341280168497  763104351884",
            "ca-west-1       190319476487  204538143572",
            "eu-central-1    492215442770  763104351884",
            "eu-central-2    680994064768  380420809688",
            "eu-north-1      662702820516  763104351884",
            "eu-south-1      978288397137  692866216735",
            "eu-south-2      104374241257  503227376785",
            "eu-west-1       141502667606  763104351884",
            "eu-west-2       764974769150  763104351884",
            "eu-west-3       659782779980  763104351884",
            "il-central-1    898809789911  780543022126",
            "me-central-1    272398656194  914824155844",
            "me-south-1      801668240914  217643126080",
            "mx-central-1    -             637423239942",
            "sa-east-1       737474898029  763104351884",
            "us-east-1       683313688378  763104351884",
            "us-east-2       257758044811  763104351884",
            "us-west-1       746614075791  763104351884",
            "us-west-2       246618743249  763104351884");

    /** Scikit-learn and XGBoost: SageMaker's own framework containers, one account per region. */
    private static final Map<String, String> SAGEMAKER_FRAMEWORKS = column(1);

    /** PyTorch and TensorFlow training: the Deep Learning Containers accounts. */
    private static final Map<String, String> DEEP_LEARNING_CONTAINERS = column(2);

    /** An image family: its ECR repository and the accounts that publish it. */
    public enum Family {
        /** SageMaker Scikit-learn (processing and training), e.g. tag {@code 1.2-1-cpu-py3}. */
        SCIKIT_LEARN("sagemaker-scikit-learn", SAGEMAKER_FRAMEWORKS),
        /** SageMaker XGBoost (built-in algorithm and framework), e.g. tag {@code 1.7-1}. */
        XGBOOST("sagemaker-xgboost", SAGEMAKER_FRAMEWORKS),
        /** Deep Learning Containers PyTorch training, e.g. tag {@code 2.5.1-gpu-py311}. */
        PYTORCH_TRAINING("pytorch-training", DEEP_LEARNING_CONTAINERS),
        /** Deep Learning Containers TensorFlow training, e.g. tag {@code 2.18.0-gpu-py310}. */
        TENSORFLOW_TRAINING("tensorflow-training", DEEP_LEARNING_CONTAINERS);

        private final String repository;
        private final Map<String, String> accounts;

        Family(String repository, Map<String, String> accounts) {
            this.repository = repository;
            this.accounts = accounts;
        }

        /**
         * The ECR repository name.
         *
         * @return the repository, e.g. {@code sagemaker-xgboost}
         */
        public String repository() {
            return repository;
        }
    }

    private SageMakerImages() {}

    /** One account column of {@link #ACCOUNTS}: region to account, for the regions that have one. */
    private static Map<String, String> column(int column) {
        Map<String, String> accounts = new HashMap<>();
        for (String row : ACCOUNTS) {
            String[] fields = row.split(" +");
            if (!fields[column].equals("-")) {
                accounts.put(fields[0], fields[column]);
            }
        }
        return Map.copyOf(accounts);
    }

    /**
     * The registry account of a family in a region.
     *
     * @param family the image family
     * @param region the region, e.g. {@code eu-west-1}
     * @return the 12-digit account, or empty when AWS publishes no such image there
     */
    public static Optional<String> account(Family family, String region) {
        return Optional.ofNullable(family.accounts.get(region));
    }

    /**
     * The regions a family is published in.
     *
     * @param family the image family
     * @return the regions, sorted
     */
    public static Set<String> regions(Family family) {
        return new TreeSet<>(family.accounts.keySet());
    }

    /**
     * The image URI of a family in a region.
     *
     * @param family the image family
     * @param region the region the jobs run in
     * @param tag the image tag, e.g. {@code 1.7-1}
     * @return {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>}
     * @throws IllegalArgumentException when the family is not published in the region, or the tag
     *     is not an ECR tag ({@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}})
     */
    public static String uri(Family family, String region, String tag) {
        String account = account(family, region).orElseThrow(() -> new IllegalArgumentException(
                "SageMakerImages: " + family + " is not published in region \"" + region + "\"; expected one of "
                        + regions(family)));
        if (tag == null || !tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            throw new IllegalArgumentException("SageMakerImages: malformed tag \"" + tag
                    + "\"; expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
        }
        return account + ".dkr.ecr." + region + ".amazonaws.com/" + family.repository + ":" + tag;
    }

    /**
     * The region of an ECR image URI.
     *
     * @param image an image URI
     * @return the region of its registry, or empty when it is not an ECR URI
     */
    public static Optional<String> ecrRegion(String image) {
        Matcher m = ECR.matcher(image);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
