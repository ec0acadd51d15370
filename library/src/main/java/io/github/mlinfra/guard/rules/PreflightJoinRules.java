package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.aws.Ec2InstanceTypes;
import io.github.mlinfra.aws.SageMakerImages;
import io.github.mlinfra.aws.SageMakerInstanceTypes;
import io.github.mlinfra.aws.ServiceKeyPolicies;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Rule;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Principal;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The preflight rules {@code MLI-PRE-26} to {@code MLI-PRE-31}: instance types, the key policies
 * services need, image regions and one VPC per workload. The rules that join resources judge only
 * what the plan holds: a key, subnet or security group that is not in the plan is not evaluated
 * (never a pass).
 */
final class PreflightJoinRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROVIDER = "pulumi:providers:aws";
    static final String SUBNET = "aws:ec2/subnet:Subnet";

    /**
     * The default key policy KMS gives a key created without one: the account root may do
     * everything, so IAM policies decide (the account id here only marks the root).
     */
    static final String DEFAULT_KEY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    private PreflightJoinRules() {}

    /** The rules of this class, in id order. */
    static List<Rule> all() {
        return List.of(sageMakerInstanceTypes(), ec2InstanceTypes(), new TrailKeyPolicyRule(), new ServiceKeyPolicyRule(),
                new EcrImageRegionRule(), new OneVpcRule());
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The pipeline definition of a pipeline resource, parsed; empty when absent, opaque or not JSON. */
    static Optional<JsonNode> definition(PlannedResource r) {
        Optional<String> text = PreflightRules.text(r, "pipelineDefinition");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(text.get()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Every object node of a JSON tree, depth first. */
    static void objects(JsonNode n, java.util.function.Consumer<JsonNode> visit) {
        if (n.isObject()) {
            visit.accept(n);
        }
        n.forEach(c -> objects(c, visit));
    }

    /**
     * The literal values a pipeline value may take: the text itself, or for a
     * {@code {"Get": "Parameters.X"}} the parameter's default and enum values.
     */
    static List<String> values(JsonNode root, JsonNode value) {
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        String ref = value.path("Get").asText("");
        if (!ref.startsWith("Parameters.")) {
            return List.of();
        }
        String name = ref.substring("Parameters.".length());
        List<String> out = new ArrayList<>();
        for (JsonNode p : root.path("Parameters")) {
            if (name.equals(p.path("Name").asText())) {
                if (p.path("DefaultValue").isTextual()) {
                    out.add(p.path("DefaultValue").asText());
                }
                p.path("EnumValues").forEach(v -> out.add(v.asText()));
            }
        }
        return out;
    }

    /** The region an ARN names; empty for global ARNs (IAM, S3). */
    static Optional<String> arnRegion(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && parts[0].equals("arn") && parts[3].matches("[a-z]{2}(-[a-z]+)+-\\d")
                ? Optional.of(parts[3]) : Optional.empty();
    }

    /** The region of a resource: its own ARN's region. */
    static Optional<String> regionOf(PlannedResource r) {
        return PlanIndex.text(r.getOutputs().get("arn")).or(() -> PlanIndex.text(r.getInputs().get("arn")))
                .flatMap(PreflightJoinRules::arnRegion);
    }

    /**
     * The stack's region: the {@code region} input of its AWS provider resources when they agree,
     * else the region most of the plan's ARNs name.
     */
    static Optional<String> stackRegion(PlanIndex plan) {
        TreeSet<String> providers = new TreeSet<>();
        for (PlannedResource p : plan.ofType(PROVIDER)) {
            PlanIndex.text(p.getInputs().get("region")).ifPresent(providers::add);
        }
        if (providers.size() == 1) {
            return Optional.of(providers.first());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (PlannedResource r : plan.getPlan().getResources()) {
            regionOf(r).ifPresent(g -> counts.merge(g, 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    /** The resources of some types by every value that may refer to them (id, name, ARN, keyId). */
    static Map<String, PlannedResource> byReference(PlanIndex plan, String... types) {
        Map<String, PlannedResource> out = new LinkedHashMap<>();
        for (PlannedResource r : plan.ofType(types)) {
            for (String ref : PlanIndex.references(r)) {
                out.putIfAbsent(ref, r);
            }
            PlanIndex.text(r.getOutputs().get("keyId")).ifPresent(k -> out.putIfAbsent(k, r));
            PlanIndex.text(r.getOutputs().get("id")).ifPresent(k -> out.putIfAbsent(k, r));
        }
        return out;
    }

    // --- MLI-PRE-26 SageMaker instance types ----------------------------------------------------------

    static Rule sageMakerInstanceTypes() {
        return new PreflightRules.Fn(Control.PRE_SAGEMAKER_INSTANCE_TYPE, "SageMaker validates a notebook's, training "
                + "job's and processing job's InstanceType against the API's fixed list of ml.* types and refuses any "
                + "other value (ValidationException): the notebook create, or the pipeline step, fails.",
                r -> {
                    List<String> out = new ArrayList<>();
                    if (r.getType().equals(Types.NOTEBOOK)) {
                        PreflightRules.text(r, "instanceType")
                                .filter(t -> !SageMakerInstanceTypes.accepts(SageMakerInstanceTypes.Api.NOTEBOOK, t))
                                .ifPresent(t -> out.add("instanceType: \"" + t + "\" is not a notebook instance type "
                                        + "(CreateNotebookInstance accepts the families "
                                        + SageMakerInstanceTypes.families(SageMakerInstanceTypes.Api.NOTEBOOK) + ")"));
                        return out;
                    }
                    definition(r).ifPresent(root -> objects(root, n -> {
                        check(root, n.path("ResourceConfig").path("InstanceType"), SageMakerInstanceTypes.Api.TRAINING,
                                "a training", out);
                        check(root, n.path("ProcessingResources").path("ClusterConfig").path("InstanceType"),
                                SageMakerInstanceTypes.Api.PROCESSING, "a processing", out);
                    }));
                    return out;
                },
                Types.NOTEBOOK, Types.PIPELINE);
    }

    private static void check(JsonNode root, JsonNode type, SageMakerInstanceTypes.Api api, String what, List<String> out) {
        if (type.isMissingNode()) {
            return;
        }
        for (String t : values(root, type)) {
            if (!SageMakerInstanceTypes.accepts(api, t)) {
                out.add("pipelineDefinition: \"" + t + "\" is not " + what + " instance type (the API accepts the families "
                        + SageMakerInstanceTypes.families(api) + ")");
            }
        }
    }

    // --- MLI-PRE-27 EC2 instance types ------------------------------------------------------------------

    static Rule ec2InstanceTypes() {
        return new PreflightRules.Fn(Control.PRE_EC2_INSTANCE_TYPE, "EC2 refuses an instance type that is not "
                + "<family>.<size> of an existing family (InvalidParameterValue at RunInstances); the provider "
                + "sends it as given.",
                r -> PreflightRules.text(r, "instanceType").flatMap(Ec2InstanceTypes::problem)
                        .map(p -> List.of("instanceType: " + p)).orElse(List.of()),
                Types.INSTANCE, Types.LAUNCH_TEMPLATE);
    }

    // --- key policies -------------------------------------------------------------------------------------

    /** A key's policy as the plan holds it: the text, opaque, or absent (AWS's default key policy). */
    record KeyPolicy(PlannedResource key, Optional<String> text, Optional<String> opaque) {}

    /** Resolves a key reference (key id, key ARN, alias name or alias ARN) to the key's policy. */
    static final class Keys {
        private final PlanIndex plan;
        private final Map<String, PlannedResource> keys;
        private final Map<String, PlannedResource> aliases;

        Keys(PlanIndex plan) {
            this.plan = plan;
            this.keys = byReference(plan, Types.KMS_KEY);
            this.aliases = byReference(plan, Types.KMS_ALIAS);
        }

        Optional<KeyPolicy> policy(String ref) {
            PlannedResource key = keys.get(ref);
            if (key == null && aliases.containsKey(ref)) {
                key = PreflightRules.text(aliases.get(ref), "targetKeyId").map(keys::get).orElse(null);
            }
            if (key == null) {
                return Optional.empty();
            }
            Object v = key.getInputs().get("policy");
            for (PlannedResource kp : plan.referring(key, Types.KMS_KEY_POLICY, "keyId")) {
                v = kp.getInputs().get("policy");
            }
            if (PlanIndex.isOpaque(v)) {
                return Optional.of(new KeyPolicy(key, Optional.empty(), Optional.of((String) v)));
            }
            return Optional.of(new KeyPolicy(key, PlanIndex.text(v), Optional.empty()));
        }
    }

    /** Whether the Allow statements of a policy grant every action to a principal the predicate accepts. */
    static List<String> missing(Optional<String> policyText, Predicate<Principal> principal, List<String> actions) {
        List<String> out = new ArrayList<>();
        Optional<PolicyDocument> doc = policyText.flatMap(Policies::parse);
        for (String action : actions) {
            boolean allowed = false;
            for (Statement s : doc.map(PolicyDocument::getStatements).orElse(List.of())) {
                if (s.getEffect() == Effect.Allow && s.getPrincipal().filter(principal).isPresent()
                        && Policies.hasAction(s, action)) {
                    allowed = true;
                }
            }
            if (!allowed) {
                out.add(action);
            }
        }
        return out;
    }

    /** An IAM principal ARN of the policy whose account is not 12 digits (a placeholder such as ACCOUNT_ID). */
    static Optional<String> placeholderPrincipal(Optional<String> policyText) {
        for (Statement s : policyText.flatMap(Policies::parse).map(PolicyDocument::getStatements).orElse(List.of())) {
            for (String a : s.getPrincipal().map(p -> p.getIdentifiers().getOrDefault("AWS", List.of())).orElse(List.of())) {
                String[] parts = a.split(":", 6);
                if (parts.length >= 6 && parts[0].equals("arn") && parts[2].equals("iam") && !parts[4].matches("\\d{12}")) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    /** A principal that is the service, or anyone. */
    static Predicate<Principal> service(Predicate<String> name) {
        return p -> p.isAnyone() || p.getIdentifiers().getOrDefault("Service", List.of()).stream().anyMatch(name)
                || p.getIdentifiers().getOrDefault("AWS", List.of()).contains("*");
    }

    /** A principal of the account (its root, an account id, or a role ARN the predicate accepts), or anyone. */
    static Predicate<Principal> accountOr(Predicate<String> arn) {
        return p -> p.isAnyone() || p.getIdentifiers().getOrDefault("AWS", List.of()).stream()
                .anyMatch(a -> a.equals("*") || a.matches("\\d{12}") || a.matches("arn:aws[a-z-]*:iam::\\d{12}:root")
                        || arn.test(a));
    }

    /**
     * Judges the key a resource names in {@code input} against a requirement; reports a key not in
     * the plan, or an unreadable policy, as not evaluated.
     */
    static void judge(Keys keys, PlannedResource r, String input, Predicate<Principal> principal, List<String> actions,
                      String who, List<Violation> out) {
        Optional<String> ref = PreflightRules.text(r, input);
        if (ref.isEmpty()) {
            r.input(input).filter(PlanIndex::isOpaque).ifPresent(v -> out.add(Violation.notEvaluated(r, input + " is " + v)));
            return;
        }
        Optional<KeyPolicy> kp = keys.policy(ref.get());
        if (kp.isEmpty()) {
            out.add(Violation.notEvaluated(r, input + " names a key that is not in the plan (" + ref.get() + ")"));
            return;
        }
        if (kp.get().opaque().isPresent()) {
            out.add(Violation.notEvaluated(r, input + ": the key policy of " + kp.get().key().getName() + " is "
                    + kp.get().opaque().get()));
            return;
        }
        // no policy: AWS applies its default key policy, which gives the account root kms:* (IAM policies decide)
        List<String> missing = missing(kp.get().text().or(() -> Optional.of(DEFAULT_KEY_POLICY)), principal, actions);
        Optional<String> placeholder = missing.isEmpty() ? Optional.empty() : placeholderPrincipal(kp.get().text());
        if (placeholder.isPresent()) {
            out.add(Violation.notEvaluated(r, input + ": the key policy of " + kp.get().key().getName()
                    + " names a principal with no account (" + placeholder.get() + "), so who may use the key cannot be told"));
            return;
        }
        if (!missing.isEmpty()) {
            out.add(Violation.of(r, input + ": the key policy of " + kp.get().key().getName()
                    + (kp.get().text().isEmpty() ? " (absent: AWS's default key policy)" : "")
                    + " does not allow " + who + " " + missing));
        }
    }

    /** MLI-PRE-28: a trail's key lets CloudTrail describe the key and generate data keys. */
    static final class TrailKeyPolicyRule extends DescribedRule {
        TrailKeyPolicyRule() {
            super(Control.PRE_TRAIL_KEY_POLICY,
                    "CreateTrail with a KMS key fails (InsufficientEncryptionPolicyException) unless the key policy lets "
                    + "cloudtrail.amazonaws.com describe the key (kms:DescribeKey) and encrypt with it "
                    + "(kms:GenerateDataKey*).");
        }

        @Override
        public List<Violation> check(PlanIndex plan) {
            List<Violation> out = new ArrayList<>();
            Keys keys = new Keys(plan);
            for (PlannedResource trail : plan.ofType(Types.TRAIL)) {
                if (trail.getInputs().containsKey("kmsKeyId")) {
                    judge(keys, trail, "kmsKeyId", service(ServiceKeyPolicies.CLOUDTRAIL_PRINCIPAL::equals),
                            ServiceKeyPolicies.CLOUDTRAIL_ACTIONS, ServiceKeyPolicies.CLOUDTRAIL_PRINCIPAL, out);
                }
            }
            return out;
        }
    }

    /** MLI-PRE-29: keys of log groups, EBS volumes and notebooks allow what those services need. */
    static final class ServiceKeyPolicyRule extends DescribedRule {
        ServiceKeyPolicyRule() {
            super(Control.PRE_SERVICE_KEY_POLICY,
                    "CloudWatch Logs refuses a log group key whose policy does not allow logs.<region>.amazonaws.com; "
                    + "an EBS volume (instance, volume) or a SageMaker notebook volume needs a key whose policy grants "
                    + "kms:CreateGrant, Decrypt, DescribeKey, GenerateDataKeyWithoutPlaintext and ReEncrypt to an "
                    + "account principal (or the account root, enabling IAM policies).");
        }

        @Override
        public List<Violation> check(PlanIndex plan) {
            List<Violation> out = new ArrayList<>();
            Keys keys = new Keys(plan);
            Optional<String> stack = stackRegion(plan);
            for (PlannedResource lg : plan.ofType(Types.LOG_GROUP)) {
                if (!lg.getInputs().containsKey("kmsKeyId")) {
                    continue;
                }
                Optional<String> region = regionOf(lg).or(() -> stack);
                Predicate<String> logs = region.<Predicate<String>>map(g -> ServiceKeyPolicies.logsPrincipal(g)::equals)
                        .orElse(s -> s.matches("logs\\.[a-z0-9-]+\\.amazonaws\\.com"));
                judge(keys, lg, "kmsKeyId", service(logs), ServiceKeyPolicies.LOGS_ACTIONS,
                        region.map(ServiceKeyPolicies::logsPrincipal).orElse("logs.<region>.amazonaws.com"), out);
            }
            Predicate<Principal> account = accountOr(a -> a.startsWith("arn:aws"));
            for (PlannedResource v : plan.ofType(Types.EBS_VOLUME)) {
                if (v.getInputs().containsKey("kmsKeyId")) {
                    judge(keys, v, "kmsKeyId", account, ServiceKeyPolicies.EBS_ACTIONS, "an account principal", out);
                }
            }
            for (PlannedResource i : plan.ofType(Types.INSTANCE)) {
                if (i.input("rootBlockDevice.kmsKeyId").isPresent()) {
                    judge(keys, i, "rootBlockDevice.kmsKeyId", account, ServiceKeyPolicies.EBS_ACTIONS, "an account principal", out);
                }
                List<Object> devices = PlanIndex.list(i, "ebsBlockDevices");
                for (int d = 0; d < devices.size(); d++) {
                    if (i.input("ebsBlockDevices." + d + ".kmsKeyId").isPresent()) {
                        judge(keys, i, "ebsBlockDevices." + d + ".kmsKeyId", account, ServiceKeyPolicies.EBS_ACTIONS,
                                "an account principal", out);
                    }
                }
            }
            for (PlannedResource nb : plan.ofType(Types.NOTEBOOK)) {
                if (!nb.getInputs().containsKey("kmsKeyId")) {
                    continue;
                }
                Optional<String> role = PreflightRules.text(nb, "roleArn");
                judge(keys, nb, "kmsKeyId", accountOr(a -> role.map(a::equals).orElse(false)), ServiceKeyPolicies.EBS_ACTIONS,
                        "the notebook's role " + role.orElse("(unknown)") + " or the account root", out);
            }
            return out;
        }
    }

    // --- MLI-PRE-30 ECR images in the stack's region ---------------------------------------------------

    /** MLI-PRE-30: a pipeline's ECR images are in the pipeline's region. */
    static final class EcrImageRegionRule extends DescribedRule {
        EcrImageRegionRule() {
            super(Control.PRE_ECR_IMAGE_REGION,
                    "SageMaker pulls a job's image from ECR in the job's own region; a training, processing or model "
                    + "image <account>.dkr.ecr.<other region>.amazonaws.com/... fails the step when the pipeline runs.");
        }

        @Override
        public List<Violation> check(PlanIndex plan) {
            List<Violation> out = new ArrayList<>();
            Optional<String> stack = stackRegion(plan);
            for (PlannedResource p : plan.ofType(Types.PIPELINE)) {
                Optional<JsonNode> def = definition(p);
                if (def.isEmpty()) {
                    continue;
                }
                Optional<String> region = regionOf(p).or(() -> stack);
                if (region.isEmpty()) {
                    out.add(Violation.notEvaluated(p, "the pipeline's region is unknown (no provider region, no ARN)"));
                    continue;
                }
                TreeSet<String> wrong = new TreeSet<>();
                BiConsumer<JsonNode, JsonNode> image = (root, v) -> {
                    for (String uri : values(root, v)) {
                        SageMakerImages.ecrRegion(uri).filter(g -> !g.equals(region.get())).ifPresent(g -> wrong.add(uri));
                    }
                };
                objects(def.get(), n -> {
                    for (String k : List.of("TrainingImage", "ImageUri", "Image")) {
                        if (n.has(k)) {
                            image.accept(def.get(), n.get(k));
                        }
                    }
                });
                for (String uri : wrong) {
                    out.add(Violation.of(p, "pipelineDefinition: image " + uri + " is in another region than the pipeline's "
                            + region.get()));
                }
            }
            return out;
        }
    }

    // --- MLI-PRE-31 one VPC per workload ----------------------------------------------------------------

    /** MLI-PRE-31: a workload's subnets, security groups and VPC are of one VPC. */
    static final class OneVpcRule extends DescribedRule {
        OneVpcRule() {
            super(Control.PRE_ONE_VPC,
                    "A security group belongs to one VPC and can only be used there: a notebook, instance, VPC endpoint or "
                    + "job whose subnet and security groups (or VPC) are of different VPCs fails to create or to start.");
        }

        @Override
        public List<Violation> check(PlanIndex plan) {
            List<Violation> out = new ArrayList<>();
            Map<String, PlannedResource> subnets = byReference(plan, SUBNET);
            Map<String, PlannedResource> groups = byReference(plan, Types.SECURITY_GROUP);
            for (PlannedResource nb : plan.ofType(Types.NOTEBOOK)) {
                judge(nb, null, PlanIndex.text(nb.getInputs().get("subnetId")).map(List::of).orElse(List.of()),
                        texts(nb, "securityGroups"), subnets, groups, "", out);
            }
            for (PlannedResource i : plan.ofType(Types.INSTANCE)) {
                judge(i, null, PlanIndex.text(i.getInputs().get("subnetId")).map(List::of).orElse(List.of()),
                        texts(i, "vpcSecurityGroupIds"), subnets, groups, "", out);
            }
            for (PlannedResource e : plan.ofType(Types.VPC_ENDPOINT)) {
                judge(e, PreflightRules.text(e, "vpcId").orElse(null), texts(e, "subnetIds"), texts(e, "securityGroupIds"),
                        subnets, groups, "", out);
            }
            for (PlannedResource p : plan.ofType(Types.PIPELINE)) {
                definition(p).ifPresent(root -> objects(root, n -> {
                    JsonNode vpc = n.path("VpcConfig");
                    if (vpc.isObject()) {
                        List<String> sn = new ArrayList<>();
                        vpc.path("Subnets").forEach(s -> sn.add(s.asText()));
                        List<String> sg = new ArrayList<>();
                        vpc.path("SecurityGroupIds").forEach(s -> sg.add(s.asText()));
                        judge(p, null, sn, sg, subnets, groups, "pipelineDefinition: VpcConfig: ", out);
                    }
                }));
            }
            return out;
        }

        private static List<String> texts(PlannedResource r, String path) {
            List<String> out = new ArrayList<>();
            for (Object v : PlanIndex.list(r, path)) {
                PlanIndex.text(v).ifPresent(out::add);
            }
            return out;
        }

        private static void judge(PlannedResource r, String vpcId, List<String> subnetRefs, List<String> groupRefs,
                                  Map<String, PlannedResource> subnets, Map<String, PlannedResource> groups, String where,
                                  List<Violation> out) {
            Map<String, String> vpcs = new LinkedHashMap<>();
            if (vpcId != null) {
                vpcs.put("vpcId", vpcId);
            }
            for (String s : subnetRefs) {
                Optional.ofNullable(subnets.get(s)).flatMap(x -> PreflightRules.text(x, "vpcId"))
                        .ifPresent(v -> vpcs.put("subnet " + s, v));
            }
            for (String g : groupRefs) {
                Optional.ofNullable(groups.get(g)).flatMap(x -> PreflightRules.text(x, "vpcId"))
                        .ifPresent(v -> vpcs.put("security group " + g, v));
            }
            if (new TreeSet<>(vpcs.values()).size() > 1) {
                StringBuilder sb = new StringBuilder(where + "subnets, security groups and VPC are of different VPCs:");
                vpcs.forEach((k, v) -> sb.append(' ').append(k).append(" in ").append(v).append(';'));
                out.add(Violation.of(r, sb.substring(0, sb.length() - 1)));
            }
        }
    }
}
