package io.github.mlinfra.aws;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Well-formed EC2 instance types: {@code <family>.<size>} where the family is one EC2 offers and the
 * size has the shape EC2 uses ({@code nano}, {@code micro}, {@code small}, {@code medium},
 * {@code large}, {@code xlarge}, {@code <n>xlarge}, {@code metal}, {@code metal-<n>xl}). EC2 refuses
 * any other value at RunInstances ({@code InvalidParameterValue}); the provider sends it as given.
 * Whether a given family offers a given size (say {@code p4d.xlarge}) and in which regions is not
 * judged here: that is a per-region fact.
 *
 * <p>Sources, looked up 2026-11-30:
 * <a href="https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html">Amazon EC2
 * instance type naming conventions</a> (family: series, generation, options; then the size), and the
 * "Valid Values" of {@code InstanceType} in
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html">RunInstances</a>,
 * from which {@link #FAMILIES} was taken (the same enumeration as botocore 1.43.11's EC2 model,
 * shape {@code InstanceType}, 1,212 types in 188 families; {@code BotocoreCrossCheckTest} compares
 * the families with the installed model).
 */
public final class Ec2InstanceTypes {
    /** The date the list was looked up. */
    public static final String LOOKED_UP = "2026-11-30";
    /** The page listing the valid instance types. */
    public static final String SOURCE = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html";
    /** The naming conventions page. */
    public static final String NAMING_SOURCE = "https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html";

    /** The instance families EC2 offers (current and previous generations). */
    public static final Set<String> FAMILIES = Set.of(
            "a1", "c1", "c3", "c4", "c5", "c5a", "c5ad", "c5d", "c5n", "c6a", "c6g", "c6gd", "c6gn", "c6i",
            "c6id", "c6in", "c7a", "c7g", "c7gd", "c7gn", "c7i", "c7i-flex", "c8a", "c8g", "c8gb", "c8gd",
            "c8gn", "c8i", "c8i-flex", "c8id", "cc1", "cc2", "cg1", "cr1", "d2", "d3", "d3en", "dl1", "dl2q",
            "f1", "f2", "g2", "g3", "g3s", "g4ad", "g4dn", "g5", "g5g", "g6", "g6e", "g6f", "g7e", "gr6",
            "gr6f", "h1", "hi1", "hpc6a", "hpc6id", "hpc7a", "hpc7g", "hpc8a", "hs1", "i2", "i3", "i3en",
            "i4g", "i4i", "i7i", "i7ie", "i8g", "i8ge", "im4gn", "inf1", "inf2", "is4gen", "m1", "m2", "m3",
            "m4", "m5", "m5a", "m5ad", "m5d", "m5dn", "m5n", "m5zn", "m6a", "m6g", "m6gd", "m6i", "m6id",
            "m6idn", "m6in", "m7a", "m7g", "m7gd", "m7i", "m7i-flex", "m8a", "m8azn", "m8g", "m8gb", "m8gd",
            "m8gn", "m8i", "m8i-flex", "m8id", "mac-m4", "mac-m4max", "mac-m4pro", "mac1", "mac2",
            "mac2-m1ultra", "mac2-m2", "mac2-m2pro", "p2", "p3", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en",
            "p6-b200", "p6-b300", "p6e-gb200", "r3", "r4", "r5", "r5a", "r5ad", "r5b", "r5d", "r5dn", "r5n",
            "r6a", "r6g", "r6gd", "r6i", "r6id", "r6idn", "r6in", "r7a", "r7g", "r7gd", "r7i", "r7iz", "r8a",
            "r8g", "r8gb", "r8gd", "r8gn", "r8i", "r8i-flex", "r8id", "t1", "t2", "t3", "t3a", "t4g", "trn1",
            "trn1n", "trn2", "u-12tb1", "u-18tb1", "u-24tb1", "u-3tb1", "u-6tb1", "u-9tb1", "u7i-12tb",
            "u7i-6tb", "u7i-8tb", "u7ib-12tb", "u7in-16tb", "u7in-24tb", "u7in-32tb", "u7inh-32tb", "vt1",
            "x1", "x1e", "x2gd", "x2idn", "x2iedn", "x2iezn", "x8aedz", "x8g", "x8i", "z1d");

    /** The size part of an instance type. */
    private static final Pattern SIZE = Pattern.compile("nano|micro|small|medium|large|xlarge|[1-9]\\d{0,2}xlarge|metal|metal-[1-9]\\d{0,2}xl");

    private Ec2InstanceTypes() {}

    /**
     * What is wrong with an EC2 instance type.
     *
     * @param instanceType e.g. {@code p4d.24xlarge}
     * @return the problem, or empty when it is well formed and of an existing family
     */
    public static Optional<String> problem(String instanceType) {
        int dot = instanceType.indexOf('.');
        if (dot <= 0 || !instanceType.equals(instanceType.toLowerCase(Locale.ROOT))) {
            return Optional.of("\"" + instanceType + "\" is not <family>.<size> in lowercase");
        }
        String family = instanceType.substring(0, dot);
        String size = instanceType.substring(dot + 1);
        if (!FAMILIES.contains(family)) {
            return Optional.of("\"" + instanceType + "\" is not of an EC2 instance family (" + family + " is unknown)");
        }
        if (!SIZE.matcher(size).matches()) {
            return Optional.of("\"" + instanceType + "\" has no EC2 size (" + size + "; expected nano, micro, small, medium, "
                    + "large, xlarge, <n>xlarge, metal or metal-<n>xl)");
        }
        return Optional.empty();
    }
}
