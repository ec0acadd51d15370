package io.github.mlinfra.examples.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;

/**
 * Every IAM policy any example emits (trust policies, role inline policies, managed policies) is
 * created through moto's IAM API, which validates the policy grammar independently of our model.
 */
class IamPoliciesAcceptedByMotoTest {
    private static MotoServer moto;
    private static IamClient iam;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(MotoServer.find().isPresent(),
                "SKIPPED: moto_server not found on PATH or in ~/.pyenv/shims (pip install \"moto[server]\"); "
                        + "IAM policies were not validated by an independent implementation");
        moto = MotoServer.start();
        iam = IamClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void stop() {
        if (iam != null) {
            iam.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void motoRejectsAMalformedPolicySoItsVerdictMeansSomething() {
        iam.createRole(r -> r.roleName("control-role").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        assertThatThrownBy(() -> iam.putRolePolicy(r -> r.roleName("control-role").policyName("bad")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3GetObject\",\"Resource\":\"*\"}]}")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void everyPolicyOfEveryExampleIsAccepted() {
        int policies = 0;
        for (Map.Entry<String, Plan> e : Examples.plans().entrySet()) {
            policies += createAll(e.getKey(), e.getValue());
        }
        assertThat(policies).as("IAM policies validated across the examples").isGreaterThan(0);
    }

    private static int createAll(String example, Plan plan) {
        Map<String, String> roleNames = new HashMap<>();
        List<String> created = new ArrayList<>();
        int n = 0;
        for (PlannedResource role : plan.resourcesOfType("aws:iam/role:Role")) {
            String name = (example + "-" + role.getName()).replaceAll("[^\\w+=,.@-]", "-");
            name = name.length() > 64 ? name.substring(0, 64) : name;
            String trust = (String) role.getInputs().get("assumeRolePolicy");
            String roleName = name;
            iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust));
            roleNames.put(role.getId().orElseThrow(), roleName);
            created.add(roleName);
            n++;
        }
        for (PlannedResource rp : plan.resourcesOfType("aws:iam/rolePolicy:RolePolicy")) {
            String roleName = roleNames.get((String) rp.getInputs().get("role"));
            assertThat(roleName).as("role of %s in %s", rp.getName(), example).isNotNull();
            String doc = (String) rp.getInputs().get("policy");
            iam.putRolePolicy(r -> r.roleName(roleName).policyName(rp.getName()).policyDocument(doc));
            n++;
        }
        for (PlannedResource p : plan.resourcesOfType("aws:iam/policy:Policy")) {
            String doc = (String) p.getInputs().get("policy");
            iam.createPolicy(r -> r.policyName(example + "-" + p.getName()).policyDocument(doc));
            n++;
        }
        return n;
    }
}
