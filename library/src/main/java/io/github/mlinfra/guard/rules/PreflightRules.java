package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.aws.EndpointPolicySupport;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.aws.NotebookPlatforms;
import io.github.mlinfra.aws.ServiceLimits;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Rule;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The preflight rules ({@code MLI-PRE-*}): what AWS or the provider would refuse at
 * {@code pulumi up}, judged offline from the plan, each reading its facts from
 * {@code io.github.mlinfra.aws} and citing the page that sets the limit ({@link Control#sources()}).
 * A {@code "[secret]"} or {@code "[unknown]"} value is never judged as compliant: the plan engine
 * runs these rules on its own plans before secrets are masked; in a foreign stack the size rules
 * report a secret user data, lifecycle script or pipeline definition as not evaluated.
 */
final class PreflightRules {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PreflightRules() {}

    /** A preflight rule judging one resource with a function. */
    static final class Fn extends SimpleResourceRule {
        private final Function<PlannedResource, List<String>> check;
        private final List<String> judged;

        Fn(Control control, String rationale, Function<PlannedResource, List<String>> check, String... types) {
            this(control, rationale, check, List.of(), types);
        }

        private Fn(Control control, String rationale, Function<PlannedResource, List<String>> check, List<String> judged,
                   String... types) {
            super(control, rationale, types);
            this.check = check;
            this.judged = judged;
        }

        /**
         * The same rule, reporting the given inputs as not evaluated when they are opaque
         * ({@code [secret]} in a foreign stack, {@code [unknown]}), never as compliant.
         */
        Fn judging(String... paths) {
            return new Fn(control(), rationale(), check, List.of(paths), types().toArray(String[]::new));
        }

        @Override
        public List<String> check(PlannedResource r) {
            return check.apply(r);
        }

        @Override
        public List<String> notEvaluated(PlannedResource r) {
            List<String> out = new ArrayList<>();
            for (String path : judged) {
                r.revealedInput(path).filter(v -> v instanceof String t && PlanIndex.isOpaque(t))
                        .ifPresent(v -> out.add(path + " is " + v));
            }
            return out;
        }
    }

    /** Every preflight rule with the default quotas. */
    static List<Rule> all() {
        return all(ServiceLimits.IAM_TRUST_POLICY_DEFAULT, ServiceLimits.SG_RULES_DEFAULT);
    }

    /**
     * Every preflight rule with the account's values of the adjustable quotas.
     *
     * @param trustPolicyLimit the role trust policy quota, characters without whitespace
     * @param sgRulesLimit the inbound (and outbound) rules-per-security-group quota
     */
    static List<Rule> all(int trustPolicyLimit, int sgRulesLimit) {
        List<Rule> out = new ArrayList<>(List.of(tags(), bucketNames(), iamNames(), kmsAliases(), logGroupNames(),
                trailNames(), sageMakerNames(), securityGroupNames(), iamSids(), logRetention(), kmsWindow(),
                notebookPlatform(), flowLogInterval(), userDataSize(), lifecycleScriptSize(), pipelineDefinitionSize(),
                new IamPolicySizeRule(trustPolicyLimit), bucketPolicySize(), keyPolicySize(), endpointPolicySize(),
                new SgRuleCountRule(sgRulesLimit), new TrailAfterBucketPolicyRule(), volumeKeyWithLocalStorage(),
                new SgDuplicatePermissionRule(), ebsVolumes()));
        out.addAll(PreflightJoinRules.all());
        return List.copyOf(out);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A known string input; empty when absent, secret or unknown. */
    static Optional<String> text(PlannedResource r, String path) {
        return r.input(path).flatMap(PlanIndex::text);
    }

    /** A known number input. */
    static Optional<Long> number(PlannedResource r, String path) {
        Object v = r.input(path).orElse(null);
        if (v instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (v instanceof String s && s.matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(s));
        }
        return Optional.empty();
    }

    /** A known policy text (a JSON string, or a map the program passed), as sent. */
    static Optional<String> policy(PlannedResource r, String path) {
        Object v = r.input(path).orElse(null);
        if (v instanceof Map<?, ?> m) {
            try {
                return Optional.of(JSON.writeValueAsString(m));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Optional.empty();
            }
        }
        return PlanIndex.text(v);
    }

    private static List<String> name(NameRules.Rule rule, PlannedResource r, String path) {
        return text(r, path).flatMap(n -> NameRules.problem(rule, n)).map(p -> List.of(path + ": " + p)).orElse(List.of());
    }

    private static String quote(String s) {
        return s.length() > 80 ? "\"" + s.substring(0, 77) + "...\"" : "\"" + s + "\"";
    }

    // --- MLI-PRE-01 tags ----------------------------------------------------------------------------

    /** The tagging service of a type token. */
    static Optional<TagRules.Service> tagService(String type) {
        String module = type.startsWith("aws:") && type.indexOf('/') > 4 ? type.substring(4, type.indexOf('/')) : "";
        switch (module) {
            case "s3": return Optional.of(TagRules.Service.S3);
            case "iam": return Optional.of(TagRules.Service.IAM);
            case "cloudwatch": return Optional.of(TagRules.Service.LOGS);
            case "sagemaker": return Optional.of(TagRules.Service.SAGEMAKER);
            case "ec2": case "ebs": return Optional.of(TagRules.Service.EC2);
            case "vpc": return Optional.of(TagRules.Service.VPC);
            case "kms": return Optional.of(TagRules.Service.KMS);
            case "cloudtrail": return Optional.of(TagRules.Service.CLOUDTRAIL);
            default: return Optional.empty();
        }
    }

    static Rule tags() {
        return new TagsRule();
    }

    /** Tags of any {@code aws:} resource; the service's rules where known, else the strictest. */
    private static final class TagsRule extends DescribedRule {
        TagsRule() {
            super(Control.PRE_TAGS,
                    "AWS refuses a tag key or value outside its alphabet or length, a key with the reserved aws: "
                    + "prefix, and more than 50 tags on one resource; the provider sends tags as given, so the "
                    + "create fails at pulumi up.");
        }

        @Override
        public List<Violation> check(PlanIndex plan) {
            List<Violation> out = new ArrayList<>();
            for (PlannedResource r : plan.getPlan().getResources()) {
                if (!r.isCustom() || !r.getType().startsWith("aws:")) {
                    continue;
                }
                Object t = r.getInputs().get("tags");
                if (!(t instanceof Map<?, ?> m)) {
                    continue;
                }
                Map<String, String> tags = new java.util.TreeMap<>();
                m.forEach((k, v) -> {
                    if (!PlanIndex.isOpaque(v)) {
                        tags.put(String.valueOf(k), v == null ? null : String.valueOf(v));
                    }
                });
                Optional<TagRules.Service> service = tagService(r.getType());
                Optional<String> problem = service.isPresent() ? TagRules.problem(service.get(), tags)
                        : strictest(tags);
                problem.ifPresent(p -> out.add(Violation.of(r, "tags: " + p
                        + service.map(s -> " (" + s.displayName() + ": " + s.source() + ")").orElse(""))));
            }
            return out;
        }

        private static Optional<String> strictest(Map<String, String> tags) {
            for (TagRules.Service s : TagRules.ALL) {
                Optional<String> p = TagRules.problem(s, tags);
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }
    }

    // --- names ----------------------------------------------------------------------------------------

    static Rule bucketNames() {
        return new Fn(Control.PRE_S3_BUCKET_NAME, "S3 refuses a bucket name outside its naming rules (3 to 63 "
                + "lowercase letters, digits, dots and hyphens; no adjacent dots; not an IP address; reserved "
                + "prefixes and suffixes); the bucket is never created.",
                r -> text(r, "bucket").flatMap(ServiceLimits::bucketNameProblem)
                        .map(p -> List.of("bucket: " + p + "; got " + quote(text(r, "bucket").orElse(""))))
                        .orElse(List.of()),
                Types.BUCKET, Types.BUCKET_V2);
    }

    static Rule iamNames() {
        return new Fn(Control.PRE_IAM_NAMES, "IAM refuses role names over 64 characters, policy and "
                + "instance-profile names over 128, names outside [\\w+=,.@-] and paths that are not / or /.../ "
                + "of printable ASCII.",
                r -> {
                    List<String> out = new ArrayList<>();
                    boolean role = r.getType().equals(Types.ROLE);
                    text(r, "name").filter(n -> !(role ? ServiceLimits.IAM_ROLE_NAME : ServiceLimits.IAM_NAME_128)
                            .matcher(n).matches())
                            .ifPresent(n -> out.add("name: " + quote(n) + " is not 1 to " + (role ? 64 : 128)
                                    + " characters of [\\w+=,.@-]"));
                    text(r, "path").filter(p -> !ServiceLimits.IAM_PATH.matcher(p).matches())
                            .ifPresent(p -> out.add("path: " + quote(p) + " is not / or /.../ of printable ASCII, "
                                    + "at most 512 characters"));
                    List<Object> inline = PlanIndex.list(r, "inlinePolicies");
                    for (int i = 0; i < inline.size(); i++) {
                        text(r, "inlinePolicies." + i + ".name")
                                .filter(n -> !ServiceLimits.IAM_NAME_128.matcher(n).matches())
                                .ifPresent(n -> out.add("inlinePolicies: name " + quote(n)
                                        + " is not 1 to 128 characters of [\\w+=,.@-]"));
                    }
                    return out;
                },
                Types.ROLE, Types.POLICY, Types.ROLE_POLICY, Types.INSTANCE_PROFILE);
    }

    static Rule kmsAliases() {
        return new Fn(Control.PRE_KMS_ALIAS, "KMS refuses an alias that does not start with alias/, uses characters "
                + "outside [a-zA-Z0-9/_-], exceeds 256 characters or lies under alias/aws/, which AWS reserves "
                + "for AWS managed keys.",
                r -> name(NameRules.Rule.KMS_ALIAS, r, "name"), Types.KMS_ALIAS);
    }

    static Rule logGroupNames() {
        return new Fn(Control.PRE_LOG_GROUP_NAME, "CloudWatch Logs refuses a log group name over 512 characters or "
                + "outside [.-_/#A-Za-z0-9].",
                r -> name(NameRules.Rule.LOG_GROUP, r, "name"), Types.LOG_GROUP);
    }

    static Rule trailNames() {
        return new Fn(Control.PRE_TRAIL_NAME, "CloudTrail refuses a trail name that is not 3 to 128 letters, digits, "
                + "periods, underscores and dashes starting and ending with a letter or digit, has adjacent "
                + "separators, or looks like an IP address.",
                r -> name(NameRules.Rule.CLOUDTRAIL_TRAIL, r, "name"), Types.TRAIL);
    }

    static Rule sageMakerNames() {
        return new Fn(Control.PRE_SAGEMAKER_NAMES, "SageMaker refuses notebook, lifecycle configuration and model "
                + "package group names over 63 characters, pipeline names over 256, and any name outside "
                + "alphanumerics joined by hyphens.",
                r -> {
                    switch (r.getType()) {
                        case Types.NOTEBOOK:
                            return name(NameRules.Rule.SAGEMAKER_NOTEBOOK, r, "name");
                        case Types.NOTEBOOK_LIFECYCLE:
                            return name(NameRules.Rule.SAGEMAKER_LIFECYCLE_CONFIG, r, "name");
                        case Types.PIPELINE:
                            return name(NameRules.Rule.SAGEMAKER_PIPELINE, r, "pipelineName");
                        default:
                            return name(NameRules.Rule.SAGEMAKER_MODEL_PACKAGE_GROUP, r, "modelPackageGroupName");
                    }
                },
                Types.NOTEBOOK, Types.NOTEBOOK_LIFECYCLE, Types.PIPELINE, Types.MODEL_PACKAGE_GROUP);
    }

    static Rule securityGroupNames() {
        return new Fn(Control.PRE_SG_NAME, "EC2 refuses a VPC security group name or description over 255 characters "
                + "or outside a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*, and a name starting with sg-.",
                r -> {
                    List<String> out = new ArrayList<>();
                    text(r, "name").ifPresent(n -> {
                        if (!ServiceLimits.SECURITY_GROUP_TEXT.matcher(n).matches()) {
                            out.add("name: " + quote(n) + " is not 1 to 255 characters of the VPC security group set");
                        } else if (n.toLowerCase(java.util.Locale.ROOT).startsWith(ServiceLimits.SECURITY_GROUP_RESERVED_PREFIX)) {
                            out.add("name: " + quote(n) + " starts with sg-, which EC2 reserves");
                        }
                    });
                    text(r, "description").filter(d -> !ServiceLimits.SECURITY_GROUP_TEXT.matcher(d).matches())
                            .ifPresent(d -> out.add("description: " + quote(d)
                                    + " is not 1 to 255 characters of the VPC security group set"));
                    for (String dir : List.of("ingress", "egress")) {
                        List<Object> rules = PlanIndex.list(r, dir);
                        for (int i = 0; i < rules.size(); i++) {
                            text(r, dir + "." + i + ".description")
                                    .filter(d -> !d.isEmpty() && !ServiceLimits.SECURITY_GROUP_TEXT.matcher(d).matches())
                                    .ifPresent(d -> out.add(dir + " rule description: " + quote(d)
                                            + " is not 1 to 255 characters of the VPC security group set"));
                        }
                    }
                    return out;
                },
                Types.SECURITY_GROUP);
    }

    static Rule iamSids() {
        return new Fn(Control.PRE_IAM_SID, "IAM refuses an identity policy whose Sid has characters other than ASCII "
                + "letters and digits (bucket and key policies allow more; IAM does not).",
                r -> {
                    List<String> out = new ArrayList<>();
                    List<String> paths = new ArrayList<>();
                    if (r.getType().equals(Types.ROLE)) {
                        for (int i = 0; i < PlanIndex.list(r, "inlinePolicies").size(); i++) {
                            paths.add("inlinePolicies." + i + ".policy");
                        }
                    } else {
                        paths.add("policy");
                    }
                    for (String path : paths) {
                        policy(r, path).ifPresent(text -> {
                            for (String sid : sids(text)) {
                                if (!ServiceLimits.IAM_SID.matcher(sid).matches()) {
                                    out.add(path + ": Sid " + quote(sid) + " is not ASCII letters and digits");
                                }
                            }
                        });
                    }
                    return out;
                },
                Types.ROLE, Types.POLICY, Types.ROLE_POLICY, Types.USER_POLICY, Types.GROUP_POLICY);
    }

    /** The Sids of a policy text; empty when it is not JSON. */
    static List<String> sids(String text) {
        List<String> out = new ArrayList<>();
        try {
            JsonNode st = JSON.readTree(text).path("Statement");
            for (JsonNode s : st.isArray() ? st : List.of(st)) {
                if (s.path("Sid").isTextual()) {
                    out.add(s.path("Sid").asText());
                }
            }
        } catch (java.io.IOException e) {
            return List.of();
        }
        return out;
    }

    // --- values ---------------------------------------------------------------------------------------

    static Rule logRetention() {
        return new Fn(Control.PRE_LOG_RETENTION, "CloudWatch Logs accepts only a fixed set of retention periods "
                + "(1, 3, 5, 7, 14, 30, 60, 90, ... 3653 days); any other number fails PutRetentionPolicy.",
                r -> number(r, "retentionInDays").filter(d -> d > Integer.MAX_VALUE
                                || !ServiceLimits.LOG_RETENTION_DAYS.contains(d.intValue()))
                        .map(d -> List.of("retentionInDays: " + d + " is not one of " + ServiceLimits.LOG_RETENTION_DAYS))
                        .orElse(List.of()),
                Types.LOG_GROUP);
    }

    static Rule kmsWindow() {
        return new Fn(Control.PRE_KMS_WINDOW, "KMS refuses a deletion window outside 7 to 30 days: ScheduleKeyDeletion and the provider's "
                + "CreateKey both fail on any other value.",
                r -> number(r, "deletionWindowInDays")
                        .filter(d -> d < ServiceLimits.KMS_WINDOW_MIN || d > ServiceLimits.KMS_WINDOW_MAX)
                        .map(d -> List.of("deletionWindowInDays: " + d + " is outside " + ServiceLimits.KMS_WINDOW_MIN
                                + " to " + ServiceLimits.KMS_WINDOW_MAX + " days"))
                        .orElse(List.of()),
                Types.KMS_KEY);
    }

    static Rule notebookPlatform() {
        return new Fn(Control.PRE_NOTEBOOK_PLATFORM, "com.pulumi:aws 6.83 validates platformIdentifier against its "
                + "own list (notebook-al1-v1, notebook-al2-v1..v3) and refuses anything else when set, including "
                + "notebook-al2023-v1; leave it unset for SageMaker's default.",
                r -> text(r, "platformIdentifier").filter(p -> !NotebookPlatforms.PROVIDER_6_83_ACCEPTS.contains(p))
                        .map(p -> List.of("platformIdentifier: " + quote(p) + " is refused by com.pulumi:aws 6.83, "
                                + "which accepts " + NotebookPlatforms.PROVIDER_6_83_ACCEPTS + " (leave it unset for "
                                + NotebookPlatforms.AWS_DEFAULT + ")"))
                        .orElse(List.of()),
                Types.NOTEBOOK);
    }

    static Rule flowLogInterval() {
        return new Fn(Control.PRE_FLOW_LOG_INTERVAL, "EC2 accepts a flow log maximum aggregation interval of 60 or "
                + "600 seconds only; CreateFlowLogs fails on any other value.",
                r -> number(r, "maxAggregationInterval")
                        .filter(s -> !ServiceLimits.FLOW_LOG_INTERVALS.contains(s.intValue()))
                        .map(s -> List.of("maxAggregationInterval: " + s + " is not one of " + ServiceLimits.FLOW_LOG_INTERVALS))
                        .orElse(List.of()),
                Types.FLOW_LOG);
    }

    // --- sizes --------------------------------------------------------------------------------------

    /**
     * The problem of a known input larger than a limit, e.g. {@code "policy: 20481 bytes, more than 20480"};
     * empty when the input is absent, opaque or within the limit.
     */
    private static List<String> oversize(String path, Optional<String> value, ToIntFunction<String> size, String unit,
                                         int limit) {
        return value.map(size::applyAsInt).filter(n -> n > limit)
                .map(n -> List.of(path + ": " + n + " " + unit + ", more than " + limit)).orElse(List.of());
    }

    private static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    static Rule userDataSize() {
        return new Fn(Control.PRE_USER_DATA_SIZE, "EC2 refuses user data over 16 KB in raw form (before base64); "
                + "the instance launch fails.",
                r -> {
                    List<String> out = new ArrayList<>(
                            oversize("userData", text(r, "userData"), PreflightRules::utf8Bytes, "bytes", ServiceLimits.USER_DATA_BYTES));
                    text(r, "userDataBase64").ifPresent(u -> {
                        long n = (long) u.length() * 3 / 4;
                        if (n > ServiceLimits.USER_DATA_BYTES) {
                            out.add("userDataBase64: about " + n + " bytes decoded, more than " + ServiceLimits.USER_DATA_BYTES);
                        }
                    });
                    return out;
                },
                Types.INSTANCE, Types.LAUNCH_TEMPLATE).judging("userData", "userDataBase64");
    }

    static Rule lifecycleScriptSize() {
        return new Fn(Control.PRE_LIFECYCLE_SCRIPT_SIZE, "SageMaker refuses a notebook lifecycle script (onCreate, "
                + "onStart) longer than 16,384 characters of base64.",
                r -> {
                    List<String> out = new ArrayList<>();
                    for (String hook : List.of("onCreate", "onStart")) {
                        out.addAll(oversize(hook, text(r, hook), String::length, "base64 characters",
                                ServiceLimits.LIFECYCLE_SCRIPT_CHARS));
                    }
                    return out;
                },
                Types.NOTEBOOK_LIFECYCLE).judging("onCreate", "onStart");
    }

    static Rule pipelineDefinitionSize() {
        return new Fn(Control.PRE_PIPELINE_DEFINITION_SIZE, "SageMaker refuses a pipeline definition over 1,048,576 "
                + "characters; CreatePipeline fails (larger definitions go to S3 through PipelineDefinitionS3Location).",
                r -> oversize("pipelineDefinition", text(r, "pipelineDefinition"), String::length, "characters",
                        ServiceLimits.PIPELINE_DEFINITION_CHARS),
                Types.PIPELINE).judging("pipelineDefinition");
    }

    static Rule bucketPolicySize() {
        return new Fn(Control.PRE_BUCKET_POLICY_SIZE, "S3 refuses a bucket policy over 20 KB (PutBucketPolicy fails with PolicyTooLarge); "
                + "split statements or use access points.",
                r -> oversize("policy", policy(r, "policy"), PreflightRules::utf8Bytes, "bytes", ServiceLimits.BUCKET_POLICY_BYTES),
                Types.BUCKET_POLICY);
    }

    static Rule keyPolicySize() {
        return new Fn(Control.PRE_KEY_POLICY_SIZE, "KMS refuses a key policy over 32 KB (CreateKey and PutKeyPolicy fail); move grants "
                + "for many principals to IAM policies or grants.",
                r -> oversize("policy", policy(r, "policy"), PreflightRules::utf8Bytes, "bytes", ServiceLimits.KEY_POLICY_BYTES),
                Types.KMS_KEY, Types.KMS_KEY_POLICY);
    }

    static Rule endpointPolicySize() {
        return new Fn(Control.PRE_ENDPOINT_POLICY_SIZE, "A VPC endpoint policy cannot exceed 20,480 characters, "
                + "including white space; the endpoint create or modify fails.",
                r -> oversize("policy", policy(r, "policy"), String::length, "characters",
                        EndpointPolicySupport.MAX_POLICY_CHARACTERS),
                Types.VPC_ENDPOINT, Types.VPC_ENDPOINT_POLICY);
    }

    /** MLI-PRE-17: IAM policy sizes, counted without whitespace, joining a role's inline policies. */
    static final class IamPolicySizeRule extends DescribedRule {
        private final int trustLimit;

        IamPolicySizeRule(int trustLimit) {
            super(Control.PRE_IAM_POLICY_SIZE,
                    "IAM counts policy size without whitespace: a role's inline policies may hold 10,240 characters "
                    + "in all, a managed policy 6,144 and a trust policy 2,048 (an adjustable quota: set the "
                    + "account's value with --trust-policy-limit).");
            this.trustLimit = trustLimit;
        }

        @Override
        public List<Violation> check(PlanIndex plan) {
            List<Violation> out = new ArrayList<>();
            for (PlannedResource p : plan.ofType(Types.POLICY)) {
                policy(p, "policy").map(ServiceLimits::iamLength).filter(n -> n > ServiceLimits.IAM_MANAGED_POLICY)
                        .ifPresent(n -> out.add(Violation.of(p, "policy: " + n + " characters without whitespace, more than "
                                + ServiceLimits.IAM_MANAGED_POLICY + " for a managed policy")));
            }
            for (PlannedResource role : plan.ofType(Types.ROLE)) {
                policy(role, "assumeRolePolicy").map(ServiceLimits::iamLength).filter(n -> n > trustLimit)
                        .ifPresent(n -> out.add(Violation.of(role, "assumeRolePolicy: " + n
                                + " characters without whitespace, more than the trust policy quota " + trustLimit)));
                int total = 0;
                List<Object> inline = PlanIndex.list(role, "inlinePolicies");
                for (int i = 0; i < inline.size(); i++) {
                    total += policy(role, "inlinePolicies." + i + ".policy").map(ServiceLimits::iamLength).orElse(0);
                }
                for (PlannedResource rp : plan.referring(role, Types.ROLE_POLICY, "role")) {
                    total += policy(rp, "policy").map(ServiceLimits::iamLength).orElse(0);
                }
                if (total > ServiceLimits.IAM_ROLE_INLINE_TOTAL) {
                    out.add(Violation.of(role, "inline policies: " + total + " characters without whitespace in all, "
                            + "more than " + ServiceLimits.IAM_ROLE_INLINE_TOTAL));
                }
            }
            return out;
        }
    }

    /** MLI-PRE-21: rules per security group, each source (CIDR, group, prefix list) one rule. */
    static final class SgRuleCountRule extends DescribedRule {
        private final int limit;

        SgRuleCountRule(int limit) {
            super(Control.PRE_SG_RULE_COUNT,
                    "A security group holds at most 60 inbound and 60 outbound rules by default, each CIDR, "
                    + "security group or prefix list counting as one rule (an adjustable quota: set the account's "
                    + "value with --sg-rules-limit).");
            this.limit = limit;
        }

        @Override
        public List<Violation> check(PlanIndex plan) {
            List<Violation> out = new ArrayList<>();
            for (PlannedResource sg : plan.ofType(Types.SECURITY_GROUP)) {
                for (String dir : List.of("ingress", "egress")) {
                    int n = 0;
                    List<Object> inline = PlanIndex.list(sg, dir);
                    for (Object rule : inline) {
                        n += sources(rule);
                    }
                    for (PlannedResource r : plan.referring(sg, Types.SECURITY_GROUP_RULE, "securityGroupId")) {
                        if (dir.equals(r.getInputs().get("type"))) {
                            n += sources(r.getInputs());
                        }
                    }
                    for (PlannedResource r : plan.referring(sg, dir.equals("ingress") ? Types.SG_INGRESS_RULE
                            : Types.SG_EGRESS_RULE, "securityGroupId")) {
                        n += 1;
                    }
                    if (n > limit) {
                        out.add(Violation.of(sg, dir + ": " + n + " rules, more than the rules-per-group quota " + limit));
                    }
                }
            }
            return out;
        }

        private static int sources(Object rule) {
            if (!(rule instanceof Map<?, ?> m)) {
                return 1;
            }
            int n = 0;
            for (String k : List.of("cidrBlocks", "ipv6CidrBlocks", "securityGroups", "prefixListIds")) {
                if (m.get(k) instanceof List<?> l) {
                    n += l.size();
                }
            }
            if (m.get("sourceSecurityGroupId") instanceof String) {
                n += 1;
            }
            if (Boolean.TRUE.equals(m.get("self"))) {
                n += 1;
            }
            return Math.max(n, 1);
        }
    }

    // --- across resources ---------------------------------------------------------------------------

    /** MLI-PRE-22: a trail depends on the bucket policy of its bucket, when the plan has that policy. */
    static final class TrailAfterBucketPolicyRule extends DescribedRule {
        TrailAfterBucketPolicyRule() {
            super(Control.PRE_TRAIL_AFTER_BUCKET_POLICY,
                    "CreateTrail checks the bucket policy and fails (InsufficientS3BucketPolicyException) unless "
                    + "CloudTrail may already write to the bucket; the engine creates resources in parallel, so "
                    + "the trail must depend on the bucket policy.");
        }

        @Override
        public List<Violation> check(PlanIndex plan) {
            List<Violation> out = new ArrayList<>();
            for (PlannedResource trail : plan.ofType(Types.TRAIL)) {
                Optional<String> bucket = text(trail, "s3BucketName");
                if (bucket.isEmpty()) {
                    continue;
                }
                for (PlannedResource policy : plan.ofType(Types.BUCKET_POLICY)) {
                    if (bucket.equals(text(policy, "bucket")) && !trail.getDependencies().contains(policy.getUrn())) {
                        out.add(Violation.of(trail, "does not depend on the bucket policy " + policy.getName()
                                + " of its bucket " + bucket.get() + " (add dependsOn)"));
                    }
                }
            }
            return out;
        }
    }

    static Rule volumeKeyWithLocalStorage() {
        return new Fn(Control.PRE_NO_VOLUME_KEY_WITH_LOCAL_STORAGE, "SageMaker refuses VolumeKmsKeyId for instance "
                + "types with local storage (their NVMe instance store is encrypted by hardware): the training "
                + "or processing step fails when the pipeline runs.",
                r -> {
                    List<String> out = new ArrayList<>();
                    text(r, "pipelineDefinition").ifPresent(def -> {
                        try {
                            volumeKeys(JSON.readTree(def), out);
                        } catch (java.io.IOException e) {
                            // not JSON: nothing to judge here
                        }
                    });
                    return out;
                },
                Types.PIPELINE);
    }

    private static void volumeKeys(JsonNode n, List<String> out) {
        if (n.isObject()) {
            JsonNode type = n.path("InstanceType");
            if (type.isTextual() && n.path("VolumeKmsKeyId").isTextual()) {
                try {
                    if (io.github.mlinfra.aws.InstanceStorage.hasInstanceStorage(type.asText())) {
                        out.add("pipelineDefinition: VolumeKmsKeyId set with " + type.asText()
                                + ", which has local storage");
                    }
                } catch (IllegalArgumentException e) {
                    // a parameter reference, not an instance type
                }
            }
        }
        n.forEach(c -> volumeKeys(c, out));
    }

    /** MLI-PRE-24: the same permission twice in one security group (inline or separate rules). */
    static final class SgDuplicatePermissionRule extends DescribedRule {
        SgDuplicatePermissionRule() {
            super(Control.PRE_SG_NO_DUPLICATE_PERMISSION,
                    "EC2 refuses a permission (protocol, ports, one source) a group already holds "
                    + "(InvalidPermission.Duplicate), and a request carrying one twice (InvalidParameterValue).");
        }

        @Override
        public List<Violation> check(PlanIndex plan) {
            List<Violation> out = new ArrayList<>();
            for (PlannedResource sg : plan.ofType(Types.SECURITY_GROUP)) {
                for (String dir : List.of("ingress", "egress")) {
                    Map<String, Integer> seen = new java.util.TreeMap<>();
                    for (Object rule : PlanIndex.list(sg, dir)) {
                        permissions(rule, null).forEach(p -> seen.merge(p, 1, Integer::sum));
                    }
                    for (PlannedResource r : plan.referring(sg, Types.SECURITY_GROUP_RULE, "securityGroupId")) {
                        if (dir.equals(r.getInputs().get("type"))) {
                            permissions(r.getInputs(), r).forEach(p -> seen.merge(p, 1, Integer::sum));
                        }
                    }
                    seen.forEach((p, n) -> {
                        if (n > 1) {
                            out.add(Violation.of(sg, dir + ": permission " + p + " appears " + n + " times"));
                        }
                    });
                }
            }
            return out;
        }

        private static List<String> permissions(Object rule, PlannedResource self) {
            List<String> out = new ArrayList<>();
            if (!(rule instanceof Map<?, ?> m) || !(m.get("protocol") instanceof String protocol)
                    || !(m.get("fromPort") instanceof Number from) || !(m.get("toPort") instanceof Number to)) {
                return out;
            }
            String proto = protocol.equals("-1") ? "all" : protocol;
            for (String k : List.of("cidrBlocks", "ipv6CidrBlocks", "securityGroups", "prefixListIds")) {
                if (m.get(k) instanceof List<?> l) {
                    for (Object src : l) {
                        if (src instanceof String s && !PlanIndex.isOpaque(s)) {
                            out.add(io.github.mlinfra.aws.SecurityGroupRules.permission(proto, from.intValue(), to.intValue(), s));
                        }
                    }
                }
            }
            if (m.get("sourceSecurityGroupId") instanceof String s && !PlanIndex.isOpaque(s)) {
                out.add(io.github.mlinfra.aws.SecurityGroupRules.permission(proto, from.intValue(), to.intValue(), s));
            }
            if (Boolean.TRUE.equals(m.get("self"))) {
                out.add(io.github.mlinfra.aws.SecurityGroupRules.permission(proto, from.intValue(), to.intValue(), "self"));
            }
            return out;
        }
    }

    static Rule ebsVolumes() {
        return new Fn(Control.PRE_EBS_VOLUME, "EC2 refuses an EBS volume type it does not know, a size outside the "
                + "type's range (gp2 1-16,384 GiB, st1/sc1 from 125, standard up to 1,024...) and IOPS outside "
                + "the type's range or on a type that takes none.",
                r -> {
                    List<String> out = new ArrayList<>();
                    if (r.getType().equals(Types.EBS_VOLUME)) {
                        ebs(r, "", "type", "size", out);
                        return out;
                    }
                    ebs(r, "rootBlockDevice.", "volumeType", "volumeSize", out);
                    List<Object> devices = PlanIndex.list(r, "ebsBlockDevices");
                    for (int i = 0; i < devices.size(); i++) {
                        ebs(r, "ebsBlockDevices." + i + ".", "volumeType", "volumeSize", out);
                    }
                    return out;
                },
                Types.EBS_VOLUME, Types.INSTANCE);
    }

    private static void ebs(PlannedResource r, String prefix, String typeKey, String sizeKey, List<String> out) {
        Optional<String> type = text(r, prefix + typeKey);
        ServiceLimits.ebsProblem(type.orElse(null), number(r, prefix + sizeKey).orElse(null),
                number(r, prefix + "iops").orElse(null))
                .ifPresent(p -> out.add((prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1) + ": ") + p));
    }
}
