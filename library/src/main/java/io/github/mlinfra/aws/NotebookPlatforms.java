package io.github.mlinfra.aws;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Facts about SageMaker notebook-instance platforms (the {@code PlatformIdentifier}) and the
 * instance families each platform runs on, shared by {@code HardenedNotebook}, its args and the
 * guard's MLI-SM-12 rule. Looked up on 2026-11-30.
 *
 * <p>Sources:
 * <ul>
 *   <li>The identifiers SageMaker knows: the {@code PlatformIdentifier} pattern
 *       {@code (notebook-al1-v1|notebook-al2-v1|notebook-al2-v2|notebook-al2-v3|notebook-al2023-v1)} and
 *       "The default value is notebook-al2023-v1", CreateNotebookInstance,
 *       https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html</li>
 *   <li>Amazon Linux 2 notebook instances, "AL2 Maintenance Phase Plan": the default became
 *       {@code notebook-al2023-v1} on May 15, 2026; AL2 reached end of support on June 30, 2026; "July 1,
 *       2026: AL2 notebook instances can no longer be created or restarted"; AL1 could no longer be
 *       created from 02/01/2023 and reached end of life on March 31, 2024; "Unsupported instance types:
 *       ml.p2 (Amazon Linux 2) → ml.p2, ml.p3, ml.p3dn, ml.inf1, ml.g3 (AL2023)",
 *       https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-al2.html</li>
 *   <li>AL2023 notebook instances, "Supported instance types": "AL2023 does not support ml.p2, ml.p3,
 *       ml.p3dn, ml.inf1, and ml.g3 instances", https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-al2023.html</li>
 *   <li>The notebook instance types SageMaker sells: "Notebook Instances" on
 *       https://aws.amazon.com/sagemaker/pricing/ (the list both platform pages refer to).</li>
 *   <li>What the pinned provider accepts: {@code com.pulumi:aws} 6.83.0 (built 2025-06-16) bridges
 *       terraform-provider-aws v5.x (pulumi-aws moved to v6.x of the Terraform provider only with its own
 *       v7, https://github.com/pulumi/pulumi-aws/pull/5665). In v5.x,
 *       {@code internal/service/sagemaker/notebook_instance.go} validates {@code platform_identifier} with
 *       {@code validation.StringMatch(regexache.MustCompile(`^(notebook-al1-v1|notebook-al2-v1|notebook-al2-v2|notebook-al2-v3)$`), "")}
 *       ({@code notebook-al2-v3} added by https://github.com/hashicorp/terraform-provider-aws/pull/40484,
 *       December 2024); {@code notebook-al2023-v1} was added only in October 2025, in the v6 line, by
 *       https://github.com/hashicorp/terraform-provider-aws/pull/44570 (closing issue #44556, which quotes the
 *       v5 regex). The attribute is {@code Optional} and {@code Computed}: left unset, it is not sent and AWS
 *       picks its default.</li>
 * </ul>
 */
public final class NotebookPlatforms {
    /** Amazon Linux 1, JupyterLab 1: no new notebooks since 2023-02-01, end of life 2024-03-31. */
    public static final String AL1_V1 = "notebook-al1-v1";
    /** Amazon Linux 2, JupyterLab 1: no new notebooks since 2025-06-30. */
    public static final String AL2_V1 = "notebook-al2-v1";
    /** Amazon Linux 2, JupyterLab 3: no new notebooks since 2025-06-30. */
    public static final String AL2_V2 = "notebook-al2-v2";
    /** Amazon Linux 2, JupyterLab 4: cannot be created or restarted from 2026-07-01. */
    public static final String AL2_V3 = "notebook-al2-v3";
    /** Amazon Linux 2023, JupyterLab 4: SageMaker's default for new notebooks since 2026-05-15. */
    public static final String AL2023_V1 = "notebook-al2023-v1";

    /** Every identifier SageMaker's API pattern allows, oldest first. */
    public static final List<String> ALL = List.of(AL1_V1, AL2_V1, AL2_V2, AL2_V3, AL2023_V1);
    /**
     * The Amazon Linux 1 and 2 identifiers: out of support, and refused by SageMaker for new or
     * restarted notebooks from {@link #AL2_NO_CREATE_OR_RESTART_FROM}.
     */
    public static final List<String> RETIRED = List.of(AL1_V1, AL2_V1, AL2_V2, AL2_V3);
    /** The identifiers still supported: {@code notebook-al2023-v1} only. */
    public static final List<String> SUPPORTED = List.of(AL2023_V1);
    /** The platform SageMaker picks when {@code PlatformIdentifier} is not sent (since 2026-05-15). */
    public static final String AWS_DEFAULT = AL2023_V1;
    /**
     * The provider source that sets {@link #PROVIDER_6_83_ACCEPTS} (looked up 2026-11-30): the v5
     * validation regex quoted by terraform-provider-aws issue 44556, changed in the v6 line only.
     */
    public static final String PROVIDER_SOURCE = "https://github.com/hashicorp/terraform-provider-aws/issues/44556";
    /** The identifiers {@code com.pulumi:aws} 6.83.0 accepts when set explicitly (its v5 regex); not AL2023. */
    public static final List<String> PROVIDER_6_83_ACCEPTS = List.of(AL1_V1, AL2_V1, AL2_V2, AL2_V3);
    /** Amazon Linux 2 notebook instances reached end of support (no security updates) on this day. */
    public static final LocalDate AL2_END_OF_SUPPORT = LocalDate.of(2026, 6, 30);
    /** From this day SageMaker no longer creates or restarts Amazon Linux 2 notebook instances. */
    public static final LocalDate AL2_NO_CREATE_OR_RESTART_FROM = LocalDate.of(2026, 7, 1);

    /**
     * Notebook instance families ({@code ml.<family>.<size>}) that AL2023 notebooks run on: the
     * pricing page's notebook families less the ones the AL2023 page excludes ({@link #AL2023_UNSUPPORTED_FAMILIES}).
     */
    public static final List<String> AL2023_FAMILIES = List.of("t2", "t3", "m4", "m5", "m5d", "m6i", "m6id", "m7i",
            "c4", "c5", "c5d", "c6i", "c6id", "c7i", "r5", "r6i", "r6id", "r7i", "p4d", "p4de", "p5", "g4dn", "g5",
            "g6", "g6e", "inf2", "trn1");
    /** Notebook families the AL2023 page says AL2023 does not support. */
    public static final List<String> AL2023_UNSUPPORTED_FAMILIES = List.of("p2", "p3", "p3dn", "inf1", "g3");
    /**
     * Families that run on Amazon Linux 2 notebooks but not on AL2023 (AL2 excludes only {@code ml.p2}):
     * usable only together with a waived, retired AL2 identifier.
     */
    public static final List<String> AL2_ONLY_FAMILIES = List.of("p3", "p3dn", "inf1");

    private NotebookPlatforms() {}

    /**
     * Whether an identifier is an Amazon Linux 1 or 2 one, which SageMaker no longer creates.
     *
     * @param identifier a platform identifier
     * @return true for {@link #RETIRED} identifiers
     */
    public static boolean isRetired(String identifier) {
        return RETIRED.contains(identifier);
    }

    /**
     * The platform a notebook runs on, given the identifier it sends (if any).
     *
     * @param identifier the identifier sent, empty when not set
     * @return the identifier, or {@link #AWS_DEFAULT} when none is sent
     */
    public static String effective(Optional<String> identifier) {
        return identifier.orElse(AWS_DEFAULT);
    }

    /**
     * The instance families a notebook on this platform may use.
     *
     * @param identifier the platform identifier in effect
     * @return {@link #AL2023_FAMILIES}, plus {@link #AL2_ONLY_FAMILIES} on an Amazon Linux 2 identifier
     */
    public static List<String> families(String identifier) {
        if (identifier.startsWith("notebook-al2-")) {
            return java.util.stream.Stream.concat(AL2023_FAMILIES.stream(), AL2_ONLY_FAMILIES.stream()).toList();
        }
        return AL2023_FAMILIES;
    }
}
