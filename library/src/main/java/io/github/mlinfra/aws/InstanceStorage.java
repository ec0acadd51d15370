package io.github.mlinfra.aws;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which (SageMaker ML or EC2) instance types come with instance storage (local NVMe SSD or HDD
 * instance store volumes).
 *
 * <p>Why it matters: SageMaker training and processing jobs on such a type use the instance
 * store instead of an EBS volume, and the APIs refuse a KMS key for it. CreateTrainingJob's
 * {@code ResourceConfig.VolumeKmsKeyId} and CreateProcessingJob's
 * {@code ProcessingClusterConfig.VolumeKmsKeyId}: "Certain Nitro-based instances include local
 * storage, dependent on the instance type. Local storage volumes are encrypted using a hardware
 * module on the instance. You can't request a VolumeKmsKeyId when using an instance type with
 * local storage." (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html">ResourceConfig</a>,
 * <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingClusterConfig.html">ProcessingClusterConfig</a>).
 * The instance store is still encrypted at rest: "The data on NVMe instance store volumes is
 * encrypted using an XTS-AES-256 block cipher implemented in a hardware module on the instance"
 * (<a href="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ssd-instance-store.html">SSD instance store volumes</a>),
 * with keys that never leave the instance and are destroyed when it stops.
 *
 * <p>The rule, looked up 2026-11-30:
 * <ul>
 * <li>a family whose attribute letters contain {@code d} ("d – Instance store volumes",
 *     <a href="https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html">Amazon EC2 instance type naming conventions</a>):
 *     {@code c5d}, {@code m5d}, {@code r5d}, {@code m6id}, {@code g4dn}, {@code g4ad},
 *     {@code p3dn}, {@code p4d}, {@code p4de}, {@code z1d}, …;</li>
 * <li>and the families with instance store volumes whose names carry no {@code d}, from the
 *     instance-store tables of the EC2 instance types guide
 *     (<a href="https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html#ac_instance-store">accelerated computing</a>,
 *     <a href="https://docs.aws.amazon.com/ec2/latest/instancetypes/so.html#so_instance-store">storage optimized</a>,
 *     <a href="https://docs.aws.amazon.com/ec2/latest/instancetypes/mo.html#mo_instance-store">memory optimized</a>):
 *     {@link #FAMILIES_WITHOUT_D}. SageMaker's training guide names {@code ml.p4d},
 *     {@code ml.g4dn} and {@code ml.g5} as NVMe families and {@code ml.c5}, {@code ml.p2} as
 *     EBS-only (<a href="https://docs.aws.amazon.com/sagemaker/latest/dg/model-train-storage-tips-considerations.html">Managing storage paths</a>);
 *     SageMaker's list per ML type is
 *     <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/host-instance-storage.html">Instance storage volumes</a>.</li>
 * </ul>
 */
public final class InstanceStorage {
    /** The date the rule was looked up. */
    public static final String LOOKED_UP = "2026-11-30";
    /** The page that says SageMaker refuses VolumeKmsKeyId with local-storage instance types. */
    public static final String SOURCE = "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html";

    /**
     * Families with instance store volumes although their attribute letters have no {@code d}:
     * GPU {@code g5}, {@code g6}, {@code g6e}, {@code gr6}, {@code p5}, {@code p5e}, {@code p5en},
     * {@code p6-b200}, {@code p6e-gb200}; Trainium {@code trn1}, {@code trn1n}, {@code trn2};
     * Gaudi {@code dl1}; storage optimized {@code i3}, {@code i3en}, {@code i4i}, {@code i4g},
     * {@code im4gn}, {@code is4gen}, {@code d2}, {@code d3}, {@code d3en}, {@code h1}; memory
     * {@code x1}, {@code x1e}.
     */
    public static final Set<String> FAMILIES_WITHOUT_D = Set.of(
            "g5", "g6", "g6e", "gr6", "p5", "p5e", "p5en", "p6-b200", "p6e-gb200",
            "trn1", "trn1n", "trn2", "dl1",
            "i3", "i3en", "i4i", "i4g", "im4gn", "is4gen", "d2", "d3", "d3en", "h1",
            "x1", "x1e");

    /** {@code [ml.]<family>.<size>}; the family is series letters, generation, attributes. */
    private static final Pattern TYPE = Pattern.compile("(?:ml\\.)?([a-z]+)(\\d+)([a-z-][a-z0-9-]*)?\\.[a-z0-9-]+");

    private InstanceStorage() {}

    /**
     * The family of an instance type.
     *
     * @param instanceType e.g. {@code ml.g5.xlarge} or {@code g5.xlarge}
     * @return the family, e.g. {@code g5}
     * @throws IllegalArgumentException when the text is not an instance type
     */
    public static String family(String instanceType) {
        Matcher m = match(instanceType);
        return m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3));
    }

    /**
     * Whether an instance type has instance storage (so SageMaker refuses a volume KMS key for it).
     *
     * @param instanceType e.g. {@code ml.g5.xlarge}
     * @return true when it has instance store volumes
     * @throws IllegalArgumentException when the text is not an instance type
     */
    public static boolean hasInstanceStorage(String instanceType) {
        Matcher m = match(instanceType);
        String attributes = m.group(3) == null ? "" : m.group(3);
        int dash = attributes.indexOf('-');
        String letters = dash < 0 ? attributes : attributes.substring(0, dash);
        return letters.indexOf('d') >= 0 || FAMILIES_WITHOUT_D.contains(family(instanceType));
    }

    private static Matcher match(String instanceType) {
        Matcher m = TYPE.matcher(instanceType == null ? "" : instanceType.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not an instance type: \"" + instanceType + "\"");
        }
        return m;
    }
}
