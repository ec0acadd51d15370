package io.github.mlinfra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlinfra.InvalidArgsException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArnsTest {
    static final String UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:kms:us-east-1:123456789012:key/" + UUID,
        "arn:aws-cn:kms:cn-north-1:123456789012:key/" + UUID,
        "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab",
        "arn:aws-iso:kms:us-iso-east-1:123456789012:key/" + UUID,
        "arn:aws-iso-b:kms:us-isob-east-1:123456789012:key/" + UUID,
        "arn:aws-iso-e:kms:eu-isoe-west-1:123456789012:key/" + UUID,
        "arn:aws-iso-f:kms:us-isof-south-1:123456789012:key/" + UUID,
        "arn:aws-eusc:kms:eusc-de-east-1:123456789012:key/" + UUID})
    void keyArnsOfEveryPartitionAreAccepted(String arn) {
        assertThat(Arns.checkKmsKeyArn("X.kmsKey", arn)).isEqualTo(arn);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:kms:us-east-1:123456789012:alias/mine",
        "alias/aws/ebs",
        "arn:aws:s3:::not-a-key",
        "arn:aws-foo:kms:us-east-1:123456789012:key/" + UUID,
        "arn:aws:kms:us-east-1:12345678901:key/" + UUID,
        "arn:aws:kms:us-east-1:123456789012:key/not-a-uuid",
        "arn:aws:kms:us-east-1:123456789012:key/mrk-123"})
    void anythingButAKeyArnIsRefused(String arn) {
        assertThatThrownBy(() -> Arns.checkKmsKeyArn("X.kmsKey", arn))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("X.kmsKey: malformed; got \"" + arn + "\"; expected a KMS key ARN"
                        + " \"arn:<partition>:kms:<region>:<account>:key/<key id>\" (not an alias)");
    }

    @Test
    void roleArnsWithAndWithoutPathAreAcceptedAndNamed() {
        assertThat(Arns.roleNameOf("X.role", "arn:aws:iam::123456789012:role/ml-exec")).isEqualTo("ml-exec");
        assertThat(Arns.roleNameOf("X.role", "arn:aws-iso-b:iam::123456789012:role/service/ml/ml-exec"))
                .isEqualTo("ml-exec");
        assertThatThrownBy(() -> Arns.checkRoleArn("X.role", "arn:aws:sts::123456789012:assumed-role/deployer/s"))
                .hasMessage("X.role: an assumed-role session is not a valid policy principal; got"
                        + " \"arn:aws:sts::123456789012:assumed-role/deployer/s\"; expected " + "an IAM role ARN"
                        + " \"arn:<partition>:iam::<account>:role/<path/><name>\"");
        assertThatThrownBy(() -> Arns.checkRoleArn("X.role", "arn:aws:iam::123456789012:user/alice"))
                .hasMessageStartingWith("X.role: malformed; got \"arn:aws:iam::123456789012:user/alice\"");
        assertThatThrownBy(() -> Arns.checkRoleArn("X.role", "arn:aws:iam::123456789012:role/" + "r".repeat(65)))
                .hasMessageStartingWith("X.role: malformed");
    }

    @Test
    void roleNamesFollowCreateRole() {
        assertThat(Arns.checkRoleName("X.roleName", "r".repeat(64))).hasSize(64);
        assertThat(Arns.checkRoleName("X.roleName", "ml+exec=a,b.c@d_e-f")).isEqualTo("ml+exec=a,b.c@d_e-f");
        assertThatThrownBy(() -> Arns.checkRoleName("X.roleName", "r".repeat(65)))
                .hasMessageStartingWith("X.roleName: longer than 64 characters (65)");
        assertThatThrownBy(() -> Arns.checkRoleName("X.roleName", "ml exec"))
                .hasMessage("X.roleName: malformed; got \"ml exec\"; expected at most 64 characters of letters, digits and +=,.@_-");
    }

    @Test
    void bucketNamesFollowS3NamingRules() {
        assertThat(Arns.checkBucketName("X.bucket", "central-s3-logs")).isEqualTo("central-s3-logs");
        assertThat(Arns.checkBucketName("X.bucket", "a.b-c")).isEqualTo("a.b-c");
        for (String bad : new String[] {"ab", "Central", "a..b", "192.168.5.4", "xn--abc", "logs-s3alias", "-abc"}) {
            assertThatThrownBy(() -> Arns.checkBucketName("X.bucket", bad))
                    .as(bad).isInstanceOf(InvalidArgsException.class)
                    .hasMessageStartingWith("X.bucket: bucket name ")
                    .hasMessageContaining("; got \"" + bad + "\"; expected an S3 bucket name");
        }
    }

    @Test
    void ecrRepositoryArnsFollowCreateRepository() {
        String ok = "arn:aws:ecr:eu-west-1:123456789012:repository/team/trainer-image";
        assertThat(Arns.checkEcrRepositoryArn("X.repositoryArns", ok)).isEqualTo(ok);
        assertThat(Arns.checkEcrRepositoryArn("X.repositoryArns", "arn:aws-iso:ecr:us-iso-east-1:123456789012:repository/t.x_y"))
                .endsWith("t.x_y");
        for (String bad : new String[] {"arn:aws:ecr:eu-west-1:123456789012:repository/Trainer",
                "arn:aws:ecr:eu-west-1:123456789012:repository/*", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/trainer",
                "arn:aws:ecr:eu-west-1:123456789012:repository/team//x"}) {
            assertThatThrownBy(() -> Arns.checkEcrRepositoryArn("X.repositoryArns", bad)).as(bad)
                    .hasMessageStartingWith("X.repositoryArns: malformed; got \"" + bad + "\"");
        }
    }

    /** Every partition and region botocore knows fits {@link Arns#PARTITION} and {@link Arns#REGION}. */
    @Test
    void everyBotocorePartitionAndRegionIsAccepted() throws Exception {
        Optional<Path> data = BotocoreCrossCheckTest.botocore();
        Assumptions.assumeTrue(data.isPresent(), "botocore not installed");
        JsonNode partitions = BotocoreCrossCheckTest.JSON.readTree(data.get().resolve("partitions.json").toFile());
        int checked = 0;
        for (JsonNode p : partitions.get("partitions")) {
            String id = p.get("id").asText();
            assertThat(id).matches(Arns.PARTITION);
            for (Iterator<String> it = p.get("regions").fieldNames(); it.hasNext(); ) {
                String region = it.next();
                if (region.endsWith("-global")) {
                    continue;
                }
                String arn = "arn:" + id + ":kms:" + region + ":123456789012:key/" + UUID;
                assertThat(Arns.checkKmsKeyArn("X.kmsKey", arn)).isEqualTo(arn);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }
}
