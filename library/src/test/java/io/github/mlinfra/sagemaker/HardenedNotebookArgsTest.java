package io.github.mlinfra.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import org.junit.jupiter.api.Test;

class HardenedNotebookArgsTest {
    static final String SCRIPT_SECRET = "MY_TOKEN=s3cr3t-value-123";

    static HardenedNotebookArgs.Builder base() {
        return HardenedNotebookArgs.builder()
                .vpcId(Output.of("vpc-0a1b2c3d4e5f60718"))
                .subnetId(Output.of("subnet-0a1b2c3d4e5f60718"))
                .endpointSecurityGroupId(Output.of("sg-0a1b2c3d4e5f60718"))
                .s3PrefixListId(Output.of("pl-63a5400a"));
    }

    @Test
    void defaultsAreSecureAndDocumented() {
        var args = base().build();
        assertThat(args.getInstanceType()).isEqualTo("ml.t3.medium");
        assertThat(args.getVolumeSizeGb()).isEqualTo(5);
        assertThat(args.getPlatformIdentifier()).isEqualTo("notebook-al2-v3");
        assertThat(args.getKmsKeyArn()).isEmpty();
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
    void platformMustBeSupportedOrWaived() {
        assertThatThrownBy(() -> base().platformIdentifier("notebook-al3-v9").build())
                .hasMessage("HardenedNotebookArgs.platformIdentifier: unknown platform identifier; got \"notebook-al3-v9\"; "
                        + "expected one of [notebook-al2-v3, notebook-al2023-v1]");
        assertThatThrownBy(() -> base().platformIdentifier("notebook-al2-v1").build())
                .hasMessageStartingWith("HardenedNotebookArgs.platformIdentifier: a deprecated platform without a waiver of MLI-SM-12");
        assertThat(base().platformIdentifier("notebook-al2-v1")
                .waive(Control.SM_SUPPORTED_PLATFORM, "Legacy kernel pinned until the Q3 migration completes.")
                .build().getPlatformIdentifier()).isEqualTo("notebook-al2-v1");
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
        assertThatThrownBy(() -> HardenedNotebookArgs.builder().vpcId(Output.of("vpc-0a1b2c3d4e5f60718")).build())
                .hasMessageStartingWith("HardenedNotebookArgs.subnetId: required attribute not set");
        assertThatThrownBy(() -> base().roleName("r".repeat(65)).build())
                .hasMessage("HardenedNotebookArgs.roleName: longer than 64 characters (65); got \"" + "r".repeat(65)
                        + "\"; expected at most 64 characters of letters, digits and +=,.@_-");
        assertThatThrownBy(() -> base().roleName("notebook role").build())
                .hasMessageStartingWith("HardenedNotebookArgs.roleName: malformed; got \"notebook role\"");
        assertThat(base().roleName("r".repeat(64)).build().getRoleName()).contains("r".repeat(64));
        assertThatThrownBy(() -> base().notebookName("bad_name").build())
                .hasMessageStartingWith("HardenedNotebookArgs.notebookName: malformed; got \"bad_name\"");
        assertThatThrownBy(() -> HardenedNotebook.checkSubnetId(""))
                .hasMessage("HardenedNotebookArgs.subnetId: empty subnet id; got \"\"; expected a private subnet id \"subnet-<hex>\"");
        assertThatThrownBy(() -> HardenedNotebook.checkKeyArn("arn:aws:kms:us-east-1:123456789012:alias/aws/sagemaker"))
                .hasMessageStartingWith("HardenedNotebookArgs.kmsKeyArn: malformed; got \"arn:aws:kms:us-east-1:123456789012:alias/aws/sagemaker\"");
    }
}
