package io.github.mlinfra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.aws.NameRules.Rule;
import org.junit.jupiter.api.Test;

class NameRulesTest {
    @Test
    void derivedNamesCarryProjectAndStackAndFollowEachRule() {
        assertThat(NameRules.derive(Rule.KMS_ALIAS, "checkpoints", "prod", "ckpt")).isEqualTo("alias/mlinfra/checkpoints/prod/ckpt");
        assertThat(NameRules.derive(Rule.LOG_GROUP, "net", "dev", "vpc-flow-logs", "ml"))
                .isEqualTo("/mlinfra/net/dev/vpc-flow-logs/ml");
        assertThat(NameRules.derive(Rule.SAGEMAKER_NOTEBOOK, "posture", "dev", "research")).isEqualTo("mlinfra-posture-dev-research");
        assertThat(NameRules.derive(Rule.CLOUDTRAIL_TRAIL, "posture", "dev", "audit")).isEqualTo("mlinfra-posture-dev-audit");
        assertThat(NameRules.derive(Rule.SAGEMAKER_NOTEBOOK, "posture", "dev", "research"))
                .isNotEqualTo(NameRules.derive(Rule.SAGEMAKER_NOTEBOOK, "posture", "prod", "research"));
    }

    @Test
    void stackNamesWithUnderscoreAndDotAreSanitisedAndKeptDistinctByAHash() {
        String a = NameRules.derive(Rule.SAGEMAKER_NOTEBOOK, "posture", "dev_eu", "nb");
        String b = NameRules.derive(Rule.SAGEMAKER_NOTEBOOK, "posture", "dev.eu", "nb");
        assertThat(a).startsWith("mlinfra-posture-dev-eu-nb-").matches("[a-zA-Z0-9](-*[a-zA-Z0-9])*");
        assertThat(b).startsWith("mlinfra-posture-dev-eu-nb-");
        assertThat(a).isNotEqualTo(b);
        assertThat(NameRules.problem(Rule.SAGEMAKER_NOTEBOOK, a)).isEmpty();
        // a dot is fine in a log group name, not in a KMS alias
        assertThat(NameRules.derive(Rule.LOG_GROUP, "p", "dev.eu", "x")).isEqualTo("/mlinfra/p/dev.eu/x");
        String alias = NameRules.derive(Rule.KMS_ALIAS, "p", "dev.eu", "x");
        assertThat(alias).startsWith("alias/mlinfra/p/dev-eu/x-");
        assertThat(NameRules.problem(Rule.KMS_ALIAS, alias)).isEmpty();
    }

    @Test
    void tooLongNamesAreShortenedWithAHashWithinTheLimit() {
        String component = "a-very-long-component-name-that-goes-on-and-on";
        String n1 = NameRules.derive(Rule.SAGEMAKER_NOTEBOOK, "a-long-project-name", "production-eu-west-1", component);
        String n2 = NameRules.derive(Rule.SAGEMAKER_NOTEBOOK, "a-long-project-name", "production-eu-west-2", component);
        assertThat(n1).hasSizeLessThanOrEqualTo(63).matches("[a-zA-Z0-9](-*[a-zA-Z0-9])*");
        assertThat(n1).matches(".*-[0-9a-f]{8}");
        assertThat(n1).isNotEqualTo(n2);
        String lc = NameRules.derive(Rule.SAGEMAKER_LIFECYCLE_CONFIG, "p".repeat(40), "s".repeat(40), "c");
        assertThat(NameRules.problem(Rule.SAGEMAKER_LIFECYCLE_CONFIG, lc)).isEmpty();
        String role = NameRules.derive(Rule.IAM_ROLE, "p".repeat(40), "s".repeat(40), "c");
        assertThat(NameRules.problem(Rule.IAM_ROLE, role)).isEmpty();
    }

    @Test
    void userNamesAreCheckedNotRewritten() {
        assertThat(NameRules.problem(Rule.SAGEMAKER_NOTEBOOK, "my-notebook")).isEmpty();
        assertThat(NameRules.problem(Rule.SAGEMAKER_NOTEBOOK, "my_notebook")).isPresent();
        assertThat(NameRules.problem(Rule.SAGEMAKER_NOTEBOOK, "n".repeat(64))).isPresent();
        assertThat(NameRules.problem(Rule.KMS_ALIAS, "alias/aws/s3")).isPresent();
        assertThat(NameRules.problem(Rule.KMS_ALIAS, "alias/team/key")).isEmpty();
        assertThat(NameRules.problem(Rule.LOG_GROUP, "/team/logs#1")).isEmpty();
        assertThat(NameRules.problem(Rule.LOG_GROUP, "/team/logs:1")).isPresent();
        assertThat(NameRules.problem(Rule.CLOUDTRAIL_TRAIL, "my--trail")).isPresent();
        assertThat(NameRules.problem(Rule.CLOUDTRAIL_TRAIL, "192.168.5.4")).isPresent();
        assertThat(NameRules.problem(Rule.CLOUDTRAIL_TRAIL, "org-trail")).isEmpty();
        assertThat(NameRules.problem(Rule.SAGEMAKER_PIPELINE, "p".repeat(256))).isEmpty();
        assertThat(NameRules.problem(Rule.SAGEMAKER_PIPELINE, "p".repeat(257))).isPresent();
    }
}
