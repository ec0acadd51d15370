package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.iam.Group;
import com.pulumi.aws.iam.GroupPolicy;
import com.pulumi.aws.iam.GroupPolicyArgs;
import com.pulumi.aws.iam.PolicyAttachment;
import com.pulumi.aws.iam.PolicyAttachmentArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.User;
import com.pulumi.aws.iam.UserPolicy;
import com.pulumi.aws.iam.UserPolicyArgs;
import com.pulumi.aws.iam.UserPolicyAttachment;
import com.pulumi.aws.iam.UserPolicyAttachmentArgs;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules added to cover Security Hub controls for the types the guard judges: MLI-TAG-01 (the
 * tagging controls), MLI-VPC-07 (EC2.15), MLI-IAM-11 (IAM.2), MLI-VPC-08/09 (EC2.10, EC2.55 to
 * EC2.58, EC2.60) and MLI-LOG-01's minimum retention (CloudWatch.16, in CloudTrailVpcRulesTest).
 * Each with a compliant and a non-compliant case.
 */
class SecurityHubCoverageRulesTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";

    /** A resource of a foreign stack, as read from its export. */
    private static PlannedResource res(String type, String name, Map<String, Object> inputs, Map<String, Object> outputs) {
        return PlannedResource.builder().urn("urn:pulumi:dev::foreign::" + type + "::" + name).type(type).name(name)
                .id("id-" + name).custom(true).protect(false).inputs(inputs).outputs(outputs).build();
    }

    @Test
    void tag_01_aResourceNeedsATagOfItsOwn() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Role("bare", RoleArgs.builder().assumeRolePolicy(TRUST).build());
            new Role("owned", RoleArgs.builder().assumeRolePolicy(TRUST).tags(Map.of("team", "ml")).build());
            new User("person", com.pulumi.aws.iam.UserArgs.builder().build());
        });
        assertThat(r.findingsOf("MLI-TAG-01")).extracting(Finding::getResourceName).containsExactlyInAnyOrder("bare", "person");
        assertThat(r.findingsOf("MLI-TAG-01").get(0).getControls()).contains("SecurityHub IAM.24", "SecurityHub EC2.38", "SecurityHub CloudTrail.9");
    }

    @Test
    void tag_01_providerDefaultTagsCountAndAnOpaqueTagMapIsNotEvaluated() {
        Plan p = Plan.builder().project("foreign").stack("dev").addResources(
                res("aws:ec2/subnet:Subnet", "defaults", Map.of("vpcId", "vpc-1"), Map.of("tagsAll", Map.of("owner", "ml"))),
                res("aws:ec2/subnet:Subnet", "untagged", Map.of("vpcId", "vpc-1"), Map.of("tagsAll", Map.of())),
                // a system tag (AWS sets it; a plan cannot) is not a tag of its own
                res("aws:ec2/subnet:Subnet", "system-only", Map.of("vpcId", "vpc-1",
                        "tags", Map.of("aws:cloudformation:stack-name", "s")), Map.of()),
                res("aws:ec2/subnet:Subnet", "unknown", Map.of("vpcId", "vpc-1", "tags", "[unknown]"), Map.of())).build();
        PostureReport r = Guard.defaults().check(p);
        assertThat(r.findingsOf("MLI-TAG-01")).extracting(Finding::getResourceName).containsExactlyInAnyOrder("untagged", "system-only");
        assertThat(r.getNotEvaluated()).filteredOn(n -> n.getRule().equals("MLI-TAG-01"))
                .extracting(NotEvaluated::getResourceName, NotEvaluated::getReason).containsExactly(tuple("unknown", "tags is [unknown]"));
    }

    @Test
    void vpc_07_subnetsAssignNoPublicAddresses() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Subnet("private", SubnetArgs.builder().vpcId("vpc-1").cidrBlock("10.0.1.0/24").mapPublicIpOnLaunch(false).build());
            new Subnet("unset", SubnetArgs.builder().vpcId("vpc-1").cidrBlock("10.0.2.0/24").build());
            new Subnet("public", SubnetArgs.builder().vpcId("vpc-1").cidrBlock("10.0.3.0/24").mapPublicIpOnLaunch(true).build());
            new Subnet("v6", SubnetArgs.builder().vpcId("vpc-1").cidrBlock("10.0.4.0/24").ipv6CidrBlock("2600:1f18::/64")
                    .assignIpv6AddressOnCreation(true).build());
        });
        assertThat(r.findingsOf("MLI-VPC-07")).extracting(Finding::getResourceName, Finding::getMessage).containsExactlyInAnyOrder(
                tuple("public", "mapPublicIpOnLaunch is true: every instance launched in the subnet gets a public IPv4 address"),
                tuple("v6", "assignIpv6AddressOnCreation is true: every interface created in the subnet gets an IPv6 address"));
        assertThat(r.findingsOf("MLI-VPC-07").get(0).getControls()).contains("FSBP EC2.15",
                "HIPAA.Security-VPCSubnetAutoAssignPublicIpDisabled");
    }

    @Test
    void iam_11_usersGetPoliciesOnlyThroughGroups() {
        PostureReport r = GuardTesting.check(ctx -> {
            var user = new User("alice", com.pulumi.aws.iam.UserArgs.builder().tags(Map.of("team", "ml")).build());
            var group = new Group("readers");
            new GroupPolicy("readers-read", GroupPolicyArgs.builder().group(group.name()).policy(READ).build());
            new PolicyAttachment("to-group", PolicyAttachmentArgs.builder().policyArn("arn:aws:iam::123456789012:policy/read")
                    .groups(group.name().applyValue(List::of)).build());
            new UserPolicy("alice-inline", UserPolicyArgs.builder().user(user.name()).policy(READ).build());
            new UserPolicyAttachment("alice-attached", UserPolicyAttachmentArgs.builder().user(user.name())
                    .policyArn("arn:aws:iam::123456789012:policy/read").build());
            new PolicyAttachment("to-users", PolicyAttachmentArgs.builder().policyArn("arn:aws:iam::123456789012:policy/read")
                    .users(user.name().applyValue(List::of)).build());
        });
        assertThat(r.findingsOf("MLI-IAM-11")).extracting(Finding::getResourceName).containsExactlyInAnyOrder(
                "alice-inline", "alice-attached", "to-users");
        assertThat(r.findingsOf("MLI-IAM-11")).extracting(Finding::getMessage).allMatch(m -> m.contains("group"));
        assertThat(Control.IAM_USER_NO_POLICIES.externalControls()).contains("FSBP IAM.2", "NIST.800.53.R5-IAMUserNoPolicies");
    }

    @Test
    void vpc_08_09_eachVpcHasTheEndpointsSecurityHubAsksFor() {
        PostureReport r = GuardTesting.check(ctx -> {
            var full = new Vpc("full", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            for (String service : List.of("ecr.api", "ecr.dkr", "ssm", "ec2-fips", "ssm-contacts", "ssm-incidents")) {
                new VpcEndpoint("full-" + service, VpcEndpointArgs.builder().vpcId(full.id()).vpcEndpointType("Interface")
                        .serviceName("com.amazonaws.us-east-1." + service).build());
            }
            var partial = new Vpc("partial", VpcArgs.builder().cidrBlock("10.1.0.0/16").build());
            // ssmmessages and ec2messages are not ssm and ec2
            for (String service : List.of("ecr.api", "ssmmessages", "ec2messages")) {
                new VpcEndpoint("partial-" + service, VpcEndpointArgs.builder().vpcId(partial.id()).vpcEndpointType("Interface")
                        .serviceName("com.amazonaws.us-east-1." + service).build());
            }
        });
        assertThat(r.findingsOf("MLI-VPC-08")).extracting(Finding::getResourceName, Finding::getMessage).containsExactly(
                tuple("partial", "no VPC endpoint for ecr.dkr, ssm has vpcId referring to this VPC"));
        assertThat(r.findingsOf("MLI-VPC-09")).extracting(Finding::getResourceName, Finding::getMessage).containsExactly(
                tuple("partial", "no VPC endpoint for ec2, ssm-contacts, ssm-incidents has vpcId referring to this VPC"));
    }

    @Test
    void vpc_08_anUnknownServiceNameIsNotEvaluated() {
        Plan p = Plan.builder().project("foreign").stack("dev").addResources(
                res("aws:ec2/vpc:Vpc", "vpc", Map.of("cidrBlock", "10.0.0.0/16", "tags", Map.of("o", "x")), Map.of()),
                res("aws:ec2/vpcEndpoint:VpcEndpoint", "e", Map.of("vpcId", "id-vpc", "serviceName", "[unknown]"), Map.of())).build();
        PostureReport r = Guard.defaults().check(p);
        assertThat(r.findingsOf("MLI-VPC-08")).isEmpty();
        assertThat(r.getNotEvaluated()).filteredOn(n -> n.getRule().equals("MLI-VPC-08"))
                .extracting(NotEvaluated::getReason).containsExactly("serviceName of e is [unknown]");
    }
}
