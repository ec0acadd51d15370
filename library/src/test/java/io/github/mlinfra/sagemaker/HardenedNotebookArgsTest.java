package io.github.mlinfra.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.aws.NotebookPlatforms;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.network.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardenedNotebookArgsTest {
    static final String SCRIPT_SECRET = "MY_TOKEN=s3cr3t-value-123";

    static HardenedNotebookArgs.Builder base() {
        return HardenedNotebookArgs.builder().placement(existingVpc().build());
    }

    static Placement.Builder existingVpc() {
        return Placement.existingVpc().vpcId("vpc-0a1b2c3d4e5f60718").subnetIds("subnet-0a1b2c3d4e5f60718")
                .endpointSecurityGroupId("sg-0a1b2c3d4e5f60718").s3PrefixListId("pl-63a5400a");
    }

    @Test
    void defaultsAreSecureAndDocumented() {
        var args = base().build();
        assertThat(args.getInstanceType()).isEqualTo("ml.t3.medium");
        assertThat(args.getVolumeSizeGb()).isEqualTo(5);
        assertThat(args.getPlatformIdentifier()).isEmpty();
        assertThat(args.getKmsKey()).isEmpty();
        assertThat(args.getOnCreateScript()).isEmpty();
        assertThat(args.getOnStartScript()).isEmpty();
        assertThat(args.getGrants()).isEmpty();
        assertThat(args.getWaivers()).isEmpty();
        // derived from project and stack, so a dev and a prod stack in one account never collide
        assertThat(args.effectiveNotebookName("research", "posture", "dev")).isEqualTo("mlinfra-posture-dev-research");
        assertThat(args.effectiveNotebookName("research", "posture", "prod")).isEqualTo("mlinfra-posture-prod-research");
        assertThat(base().notebookName("given").build().effectiveNotebookName("research", "posture", "dev"))
                .as("a name the user gives is kept verbatim").isEqualTo("given");
    }

    @Test
    void scriptsNeverAppearInToStringOrMessages() {
        var args = base().onStartScript("#!/bin/bash\n" + SCRIPT_SECRET + "\n").build();
        assertThat(args.toString()).doesNotContain(SCRIPT_SECRET);
        String noShebang = "echo " + SCRIPT_SECRET;
        assertThatThrownBy(() -> base().onStartScript(noShebang).build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("HardenedNotebookArgs.onStartScript: a lifecycle script must start with a shebang line; "
                        + "got [secret] (" + noShebang.length() + " bytes); expected a shell script starting with \"#!\", e.g. \"#!/bin/bash\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SCRIPT_SECRET));
        String big = "#!/bin/bash\n# " + SCRIPT_SECRET + "\n" + "x".repeat(12_400);
        assertThatThrownBy(() -> base().onCreateScript(big).build())
                .hasMessage("HardenedNotebookArgs.onCreateScript: longer than SageMaker's limit once base64-encoded (16588 characters); "
                        + "got [secret] (" + big.length() + " bytes); expected at most 16384 base64 characters (about 12 KB of script)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SCRIPT_SECRET));
        String fits = "#!/bin/bash\n" + "x".repeat(12_276);
        assertThat(HardenedNotebookArgs.base64(fits)).hasSize(16384);
        assertThat(base().onCreateScript(fits).build().getOnCreateScript()).contains(fits);
    }

    @Test
    void instanceTypeMustBeANotebookType() {
        assertThatThrownBy(() -> base().instanceType("t3.medium").build())
                .hasMessageStartingWith("HardenedNotebookArgs.instanceType: not a SageMaker notebook instance type; got \"t3.medium\"; "
                        + "expected \"ml.<family>.<size>\" with a family in [t2, t3,");
        assertThatThrownBy(() -> base().instanceType("ml.x1.large").build())
                .hasMessageStartingWith("HardenedNotebookArgs.instanceType: not a SageMaker notebook instance type; got \"ml.x1.large\"");
        assertThatThrownBy(() -> base().instanceType("ml.t3.huge").build())
                .hasMessageStartingWith("HardenedNotebookArgs.instanceType: not a SageMaker notebook instance type; got \"ml.t3.huge\"");
        assertThat(base().instanceType("ml.g5.12xlarge").build().getInstanceType()).isEqualTo("ml.g5.12xlarge");
    }

    @Test
    void volumeSizeMustBeWithinSageMakersRange() {
        assertThatThrownBy(() -> base().volumeSizeGb(4).build())
                .hasMessage("HardenedNotebookArgs.volumeSizeGb: outside the allowed range; got 4; expected 5 to 16384 GB");
        assertThatThrownBy(() -> base().volumeSizeGb(16385).build())
                .hasMessage("HardenedNotebookArgs.volumeSizeGb: outside the allowed range; got 16385; expected 5 to 16384 GB");
        assertThat(base().volumeSizeGb(16384).build().getVolumeSizeGb()).isEqualTo(16384);
    }

    @Test
    void platformIsLeftToAwsAndRetiredOnesNeedAWaiver() {
        assertThatThrownBy(() -> base().platformIdentifier("notebook-al3-v9").build())
                .hasMessage("HardenedNotebookArgs.platformIdentifier: unknown platform identifier; got \"notebook-al3-v9\"; "
                        + "expected unset (AWS then picks notebook-al2023-v1)");
        // The provider com.pulumi:aws 6.83.0 rejects the AL2023 identifier when it is sent: refused before any resource.
        assertThatThrownBy(() -> base().platformIdentifier("notebook-al2023-v1").build())
                .hasMessage("HardenedNotebookArgs.platformIdentifier: the pinned provider com.pulumi:aws 6.83.0 refuses this "
                        + "value when it is set (it accepts only [notebook-al1-v1, notebook-al2-v1, notebook-al2-v2, "
                        + "notebook-al2-v3]), and it is AWS's default; got \"notebook-al2023-v1\"; "
                        + "expected unset (AWS then picks notebook-al2023-v1)");
        for (String retired : NotebookPlatforms.RETIRED) {
            assertThatThrownBy(() -> base().platformIdentifier(retired).build())
                    .hasMessage("HardenedNotebookArgs.platformIdentifier: an Amazon Linux 1 or 2 platform: out of support, "
                            + "and SageMaker no longer creates or restarts such notebooks from 2026-07-01, without a waiver "
                            + "of MLI-SM-12; got \"" + retired + "\"; expected unset (AWS then picks notebook-al2023-v1), "
                            + "or waive(Control.SM_SUPPORTED_PLATFORM, \"<why>\")");
        }
        assertThat(base().platformIdentifier("notebook-al2-v3")
                .waive(Control.SM_SUPPORTED_PLATFORM, "Describes the existing lab notebook until its Q3 migration completes.")
                .build().getPlatformIdentifier()).contains("notebook-al2-v3");
    }

    @Test
    void instanceFamiliesFollowThePlatform() {
        for (String family : List.of("p2", "p3", "p3dn", "inf1", "g3")) {
            String type = "ml." + family + ".2xlarge";
            assertThatThrownBy(() -> base().instanceType(type).build()).as(type)
                    .hasMessageStartingWith("HardenedNotebookArgs.instanceType: an instance family notebook-al2023-v1 "
                            + "notebooks do not support; got \"" + type + "\"; expected \"ml.<family>.<size>\" with a family in [t2,");
        }
        assertThat(HardenedNotebookArgs.NOTEBOOK_FAMILIES).doesNotContain("p2", "p3", "p3dn", "inf1", "g3")
                .contains("t3", "m5", "g5", "p4d", "inf2", "trn1");
        assertThat(base().instanceType("ml.g5.xlarge").build().getInstanceType()).isEqualTo("ml.g5.xlarge");
        // A waived AL2 identifier (an existing notebook) keeps the families AL2 runs on.
        assertThat(base().platformIdentifier("notebook-al2-v3").instanceType("ml.p3.2xlarge")
                .waive(Control.SM_SUPPORTED_PLATFORM, "Describes the existing lab notebook until its Q3 migration completes.")
                .build().getInstanceType()).isEqualTo("ml.p3.2xlarge");
    }

    @Test
    void scriptsWithCrLfOrNulAreRefusedWithoutPrintingThem() {
        String crlf = "#!/bin/bash\r\nset -e\r\n" + SCRIPT_SECRET + "\r\n";
        assertThatThrownBy(() -> base().onStartScript(crlf).build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("HardenedNotebookArgs.onStartScript: a lifecycle script must have LF line endings; it has a CR "
                        + "(\\r, e.g. CRLF) at line 1; got [secret] (" + crlf.length() + " bytes); "
                        + "expected a shell script with \"\\n\" line endings only")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SCRIPT_SECRET));
        String nul = "#!/bin/bash\nset -e\n" + SCRIPT_SECRET + "\0\n";
        assertThatThrownBy(() -> base().onCreateScript(nul).build())
                .hasMessage("HardenedNotebookArgs.onCreateScript: a lifecycle script must not contain a NUL byte; it has one "
                        + "at line 3; got [secret] (" + nul.length() + " bytes); expected shell script text without \"\\0\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SCRIPT_SECRET));
        String lf = crlf.replace("\r\n", "\n");
        assertThat(base().onStartScript(lf).build().getOnStartScript()).contains(lf);
    }

    @Test
    void onlyTheWaivableControlsMayBeWaived() {
        assertThatThrownBy(() -> base().waive(Control.SM_NOTEBOOK_IN_VPC, "We really want it outside the VPC for a demo.").build())
                .hasMessage("HardenedNotebookArgs.waivers: control MLI-SM-02 cannot be waived on a notebook; got \"MLI-SM-02\"; "
                        + "expected one of [MLI-SM-01, MLI-SM-03, MLI-SM-05, MLI-SM-12]");
        assertThatThrownBy(() -> base().waive(Control.SM_NOTEBOOK_KMS, "AWS-managed key is fine for the demo account.").build())
                .hasMessageStartingWith("HardenedNotebookArgs.waivers: control MLI-SM-04 cannot be waived on a notebook");
        assertThatThrownBy(() -> base().waive(Control.VPC_FLOW_LOGS, "Not a notebook control, so it must be refused.").build())
                .hasMessageStartingWith("HardenedNotebookArgs.waivers: control MLI-VPC-01 does not apply here");
    }

    @Test
    void requiredWiringAndNamesAreChecked() {
        assertThatThrownBy(() -> HardenedNotebookArgs.builder().build())
                .hasMessageStartingWith("HardenedNotebookArgs.placement: required attribute not set");
        assertThatThrownBy(() -> base().roleName("r".repeat(65)).build())
                .hasMessage("HardenedNotebookArgs.roleName: longer than 64 characters (65); got \"" + "r".repeat(65)
                        + "\"; expected at most 64 characters of letters, digits and +=,.@_-");
        assertThatThrownBy(() -> base().roleName("notebook role").build())
                .hasMessageStartingWith("HardenedNotebookArgs.roleName: malformed; got \"notebook role\"");
        assertThat(base().roleName("r".repeat(64)).build().getRoleName()).contains("r".repeat(64));
        assertThatThrownBy(() -> base().notebookName("bad_name").build())
                .hasMessageStartingWith("HardenedNotebookArgs.notebookName: malformed; got \"bad_name\"");
    }
}
