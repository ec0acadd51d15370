package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.Coverage.External;
import io.github.mlinfra.guard.Coverage.NotApplicable;
import io.github.mlinfra.guard.Coverage.Row;
import io.github.mlinfra.guard.Coverage.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks every external id of {@link Control}'s mappings against the data files of {@link Coverage}:
 * it must exist there, and the mapping must be plausible (the external control is about the same
 * thing as the mlinfra control).
 */
class CoverageTest {
    /** Services of the Security Hub data file and of the cdk-nag rule folders an mlinfra area may map to. */
    private static final Map<String, Set<String>> SECURITY_HUB_SERVICES = Map.of(
            "S3", Set.of("S3", "CloudTrail"), // CloudTrail.6/.7 are about the trail's S3 bucket
            "KMS", Set.of("KMS"),
            "IAM", Set.of("IAM", "KMS"), // KMS.1/.2 judge IAM policies
            "EC2", Set.of("EC2"),
            "VPC", Set.of("EC2"),
            "SM", Set.of("SageMaker"),
            "CT", Set.of("CloudTrail"),
            "LOG", Set.of("CloudWatch"),
            "TAG", Set.of("EC2", "IAM", "CloudTrail"));
    private static final Map<String, Set<String>> CDK_NAG_SERVICES = Map.of(
            "S3", Set.of("s3"), "KMS", Set.of("kms"), "IAM", Set.of("iam"), "EC2", Set.of("ec2"),
            "VPC", Set.of("vpc"), "SM", Set.of("sagemaker"), "CT", Set.of("cloudtrail"), "LOG", Set.of("cloudwatch"));

    /**
     * Reviewed mappings: "mlinfra id + Security Hub id" to a phrase the Security Hub title (as the
     * data file records it) must contain. A new mapping needs a reviewed entry here. Entries for
     * controls another branch adds (MLI-S3-15, MLI-KMS-05) are listed ahead of their merge.
     */
    private static final Map<String, String> PLAUSIBLE = Map.ofEntries(
            Map.entry("MLI-S3-01 S3.8", "block public access"),
            Map.entry("MLI-S3-02 S3.2", "public read"),
            Map.entry("MLI-S3-02 S3.3", "public write"),
            Map.entry("MLI-S3-02 CloudTrail.6", "not publicly accessible"),
            Map.entry("MLI-S3-03 S3.5", "requests to use SSL"),
            Map.entry("MLI-S3-05 S3.12", "ACLs should not be used"),
            Map.entry("MLI-S3-06 S3.14", "versioning enabled"),
            Map.entry("MLI-S3-08 S3.13", "Lifecycle configurations"),
            Map.entry("MLI-S3-08 S3.10", "versioning enabled should have Lifecycle"),
            Map.entry("MLI-S3-09 S3.17", "encrypted at rest with AWS KMS keys"),
            Map.entry("MLI-S3-11 S3.9", "server access logging"),
            Map.entry("MLI-S3-11 CloudTrail.7", "access logging"),
            Map.entry("MLI-S3-15 S3.6", "restrict access to other AWS accounts"),
            Map.entry("MLI-KMS-01 KMS.4", "key rotation"),
            Map.entry("MLI-KMS-04 KMS.3", "should not be deleted"),
            Map.entry("MLI-KMS-05 KMS.5", "should not be publicly accessible"),
            Map.entry("MLI-IAM-01 IAM.27", "AWSCloudShellFullAccess policy attached"),
            Map.entry("MLI-IAM-02 IAM.1", "full \"*\" administrative privileges"),
            Map.entry("MLI-IAM-02 IAM.21", "wildcard actions"),
            Map.entry("MLI-IAM-03 KMS.1", "decryption actions on all KMS keys"),
            Map.entry("MLI-IAM-03 KMS.2", "decryption actions on all KMS keys"),
            Map.entry("MLI-EC2-01 EC2.3", "EBS volumes should be encrypted"),
            Map.entry("MLI-EC2-02 EC2.8", "IMDSv2"),
            Map.entry("MLI-EC2-03 EC2.9", "public IPv4 address"),
            Map.entry("MLI-EC2-04 EC2.13", "to port 22"),
            Map.entry("MLI-EC2-04 EC2.14", "to port 3389"),
            Map.entry("MLI-EC2-04 EC2.53", "ingress from 0.0.0.0/0 to remote server administration ports"),
            Map.entry("MLI-EC2-04 EC2.54", "ingress from ::/0 to remote server administration ports"),
            Map.entry("MLI-EC2-04 EC2.18", "unrestricted incoming traffic"),
            Map.entry("MLI-EC2-04 EC2.19", "unrestricted access to ports with high risk"),
            Map.entry("MLI-SM-01 SageMaker.1", "direct internet access"),
            Map.entry("MLI-SM-02 SageMaker.2", "custom VPC"),
            Map.entry("MLI-SM-03 SageMaker.3", "root access"),
            Map.entry("MLI-SM-04 SageMaker.21", "notebook instances should be encrypted with customer managed AWS KMS keys"),
            Map.entry("MLI-SM-12 SageMaker.8", "supported platforms"),
            Map.entry("MLI-CT-01 CloudTrail.1", "multi-Region trail"),
            Map.entry("MLI-CT-02 CloudTrail.2", "encryption at-rest"),
            Map.entry("MLI-CT-03 CloudTrail.4", "log file validation"),
            Map.entry("MLI-CT-04 CloudTrail.5", "CloudWatch Logs"),
            Map.entry("MLI-VPC-01 EC2.6", "flow logging"),
            Map.entry("MLI-VPC-02 EC2.2", "default security group"),
            Map.entry("MLI-IAM-11 IAM.2", "IAM users should not have IAM policies attached"),
            Map.entry("MLI-VPC-07 EC2.15", "subnets should not automatically assign public IP"),
            Map.entry("MLI-VPC-08 EC2.55", "interface endpoint for ECR API"),
            Map.entry("MLI-VPC-08 EC2.56", "interface endpoint for Docker Registry"),
            Map.entry("MLI-VPC-08 EC2.57", "interface endpoint for Systems Manager"),
            Map.entry("MLI-VPC-09 EC2.10", "VPC endpoints that are created for the Amazon EC2 service"),
            Map.entry("MLI-VPC-09 EC2.58", "interface endpoint for Systems Manager Incident Manager Contacts"),
            Map.entry("MLI-VPC-09 EC2.60", "interface endpoint for Systems Manager Incident Manager"),
            Map.entry("MLI-LOG-01 CloudWatch.16", "log groups should be retained"),
            Map.entry("MLI-TAG-01 EC2.35", "network interfaces should be tagged"),
            Map.entry("MLI-TAG-01 EC2.37", "Elastic IP addresses should be tagged"),
            Map.entry("MLI-TAG-01 EC2.38", "EC2 instances should be tagged"),
            Map.entry("MLI-TAG-01 EC2.39", "internet gateways should be tagged"),
            Map.entry("MLI-TAG-01 EC2.40", "NAT gateways should be tagged"),
            Map.entry("MLI-TAG-01 EC2.41", "network ACLs should be tagged"),
            Map.entry("MLI-TAG-01 EC2.42", "route tables should be tagged"),
            Map.entry("MLI-TAG-01 EC2.43", "security groups should be tagged"),
            Map.entry("MLI-TAG-01 EC2.44", "subnets should be tagged"),
            Map.entry("MLI-TAG-01 EC2.45", "volumes should be tagged"),
            Map.entry("MLI-TAG-01 EC2.46", "VPCs should be tagged"),
            Map.entry("MLI-TAG-01 EC2.48", "flow logs should be tagged"),
            Map.entry("MLI-TAG-01 EC2.175", "launch templates should be tagged"),
            Map.entry("MLI-TAG-01 IAM.24", "IAM roles should be tagged"),
            Map.entry("MLI-TAG-01 IAM.25", "IAM users should be tagged"),
            Map.entry("MLI-TAG-01 CloudTrail.9", "trails should be tagged"));

    /** Prefixes that look like Security Hub or cdk-nag ids but are not how either writes them. */
    private static final List<String> MALFORMED = List.of("NIST ", "NIST-", "HIPAA ", "HIPAA-", "CIS ", "PCI ",
            "Security Hub ", "SecurityHub-", "FSBP-", "AwsSolutions ");

    private static String area(Control c) {
        return c.id().split("-")[1];
    }

    @Test
    void everyMappedSecurityHubIdIsInTheDataFileAndPlausible() {
        Map<String, External> data = byId(Coverage.securityHubControls());
        Set<String> servicesInData = data.values().stream().map(External::service).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Control c : Control.values()) {
            for (String mapping : c.externalControls()) {
                Optional<String> id = Coverage.securityHubId(mapping);
                if (id.isEmpty()) {
                    continue;
                }
                String service = id.get().split("\\.")[0];
                if (!servicesInData.contains(service)) {
                    continue; // a service the data file does not list (SNS, SQS, ...): not checked here
                }
                External e = data.get(id.get());
                if (e == null) {
                    problems.add(c.id() + ": " + mapping + " is not a Security Hub control of the data file");
                    continue;
                }
                if (!SECURITY_HUB_SERVICES.getOrDefault(area(c), Set.of()).contains(e.service())) {
                    problems.add(c.id() + ": " + mapping + " is a " + e.service() + " control");
                }
                String phrase = PLAUSIBLE.get(c.id() + " " + id.get());
                if (phrase == null) {
                    problems.add(c.id() + ": " + mapping + " (" + e.title() + ") has no reviewed entry in PLAUSIBLE");
                } else if (!e.title().toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT))) {
                    problems.add(c.id() + ": " + mapping + " is titled '" + e.title() + "', not about '" + phrase + "'");
                }
                if (mapping.startsWith("FSBP ") && !e.standards().contains("FSBP")) {
                    problems.add(c.id() + ": " + mapping + " is not an FSBP control in the data file; write SecurityHub " + id.get());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Mappings written "FSBP" must be FSBP controls in the data file; the ones it could not confirm are written "SecurityHub". */
    @Test
    void unconfirmedFsbpMembershipIsNotClaimed() {
        for (String mapping : List.of("KMS.4", "KMS.5", "SageMaker.8", "SNS.4", "SQS.3")) {
            assertThat(java.util.Arrays.stream(Control.values()).flatMap(c -> c.externalControls().stream()))
                    .as(mapping).doesNotContain("FSBP " + mapping).contains("SecurityHub " + mapping);
        }
    }

    @Test
    void everyMappedCdkNagIdIsInTheDataFileForTheSameService() {
        Map<String, External> data = byId(Coverage.cdkNagRules());
        List<String> problems = new ArrayList<>();
        for (Control c : Control.values()) {
            for (String mapping : c.externalControls()) {
                if (MALFORMED.stream().anyMatch(mapping::startsWith)) {
                    problems.add(c.id() + ": " + mapping + " is not written as Security Hub or cdk-nag write their ids");
                }
                if (!Coverage.isCdkNagId(mapping)) {
                    continue;
                }
                External e = data.get(mapping);
                if (e == null) {
                    problems.add(c.id() + ": " + mapping + " is not a rule of cdk-nag's packs in the data file");
                } else if (!CDK_NAG_SERVICES.getOrDefault(area(c), Set.of()).contains(e.service())) {
                    problems.add(c.id() + ": " + mapping + " is a cdk-nag " + e.service() + " rule");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theDataFilesAreWellFormed() {
        List<External> sh = Coverage.securityHubControls();
        assertThat(sh).extracting(External::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("(S3|KMS|EC2|IAM|SageMaker|CloudTrail|CloudWatch)\\.\\d+"));
        assertThat(sh).extracting(External::service).containsOnly("S3", "KMS", "EC2", "IAM", "SageMaker", "CloudTrail", "CloudWatch");
        assertThat(sh).allMatch(e -> e.id().startsWith(e.service() + "."));
        Set<String> standards = Set.of("FSBP", "CIS v1.2.0", "CIS v1.4.0", "CIS v3.0.0", "NIST 800-53 r5", "PCI DSS v3.2.1",
                "PCI DSS v4.0.1", "AI Security Best Practices v1.0.0", "AWS Resource Tagging v1.0.0");
        assertThat(sh).allMatch(e -> standards.containsAll(e.standards()));
        assertThat(sh).allMatch(e -> e.severity().map(s -> Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW").contains(s)).orElse(true));
        List<External> nag = Coverage.cdkNagRules();
        assertThat(nag).extracting(External::id).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith(nagPrefix(id)));
        assertThat(Coverage.cdkNagPacksInTable()).containsExactly("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5");
        // Ids and titles read from the sources, one of each kind, so a regeneration that mangles them shows.
        assertThat(byId(sh).get("S3.5").title()).isEqualTo("S3 general purpose buckets should require requests to use SSL");
        assertThat(byId(sh).get("SageMaker.9").title())
                .isEqualTo("SageMaker data quality job definitions should have inter-container traffic encryption enabled");
        assertThat(byId(nag).get("AwsSolutions-S10").title()).isEqualTo("The S3 Bucket or bucket policy does not require requests to use SSL.");
    }

    private static String nagPrefix(String id) {
        return Coverage.CDK_NAG_PREFIXES.stream().filter(id::startsWith).findFirst().orElse("<none>");
    }

    @Test
    void aCoveredControlIsNotAlsoMarkedNotApplicable() {
        List<String> both = new ArrayList<>();
        for (Row r : concat(Coverage.securityHubRows(), Coverage.cdkNagRows())) {
            if (r.status() == Status.COVERED && r.external().notApplicable().isPresent()) {
                both.add(r.external().id() + " is covered by " + r.coveredBy() + " yet marked not applicable");
            }
        }
        assertThat(both).isEmpty();
    }

    @Test
    void statusesFollowTheRegistryAndTheFixedReasons() {
        Map<String, Row> sh = Coverage.securityHubRows().stream().collect(Collectors.toMap(r -> r.external().id(), r -> r));
        assertThat(sh.get("S3.5").status()).isEqualTo(Status.COVERED);
        assertThat(sh.get("S3.5").coveredBy()).containsExactly(Control.S3_TLS_ONLY);
        assertThat(sh.get("S3.1").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(sh.get("S3.1").external().notApplicable()).contains(NotApplicable.ACCOUNT_LEVEL);
        assertThat(sh.get("SageMaker.9").external().notApplicable()).contains(NotApplicable.UNPLANNED_TYPE);
        assertThat(sh.get("IAM.3").external().notApplicable()).contains(NotApplicable.RUNTIME_STATE);
        assertThat(sh.get("S3.7").status()).isEqualTo(Status.NOT_COVERED);
        assertThat(NotApplicable.ofLabel("runtime state that no plan holds")).isEqualTo(NotApplicable.RUNTIME_STATE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NotApplicable.ofLabel("too hard"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too hard");
        Map<String, int[]> counts = Coverage.counts(Coverage.securityHubRows());
        int[] overall = counts.get("overall");
        int total = 0;
        for (int n : overall) {
            total += n;
        }
        assertThat(total).isEqualTo(sh.size());
        assertThat(new ArrayList<>(counts.keySet())).endsWith("overall");
        String doc = ControlsDoc.render();
        assertThat(doc).contains("## Coverage of AWS Security Hub controls", "## Coverage of cdk-nag rules",
                "| S3.5 | MEDIUM | S3 general purpose buckets should require requests to use SSL |",
                "| covered | MLI-S3-03 |", "not applicable: account-level setting");
    }

    private static Map<String, External> byId(List<External> list) {
        return list.stream().collect(Collectors.toMap(External::id, Function.identity()));
    }

    private static List<Row> concat(List<Row> a, List<Row> b) {
        List<Row> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void reasonsAreTheFixedThree() {
        Set<String> labels = new HashSet<>();
        for (NotApplicable r : NotApplicable.values()) {
            labels.add(r.label());
        }
        assertThat(labels).containsExactlyInAnyOrder("account-level setting", "runtime state that no plan holds",
                "a resource type we neither plan nor read");
    }
}
