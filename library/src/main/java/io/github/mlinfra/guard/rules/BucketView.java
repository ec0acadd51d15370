package io.github.mlinfra.guard.rules;

import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One bucket with what configures it: the legacy inline {@code aws:s3/bucket:Bucket} settings and
 * the separate {@code BucketV2}-family resources whose {@code bucket} input refers to it.
 */
final class BucketView {
    final PlannedResource bucket;
    final PlanIndex plan;
    final boolean legacy;

    BucketView(PlannedResource bucket, PlanIndex plan) {
        this.bucket = bucket;
        this.plan = plan;
        this.legacy = bucket.getType().equals(Types.BUCKET);
    }

    static List<BucketView> all(PlanIndex plan) {
        List<BucketView> out = new ArrayList<>();
        for (PlannedResource r : plan.ofType(Types.BUCKET, Types.BUCKET_V2)) {
            out.add(new BucketView(r, plan));
        }
        return out;
    }

    /** The separate resources of a type that configure this bucket. */
    List<PlannedResource> related(String type) {
        return plan.referring(bucket, type, "bucket");
    }

    /** Whether a separate resource of {@code type} that configures this bucket sets {@code path} to {@code value}. */
    boolean relatedSets(String type, String path, String value) {
        return related(type).stream().anyMatch(r -> value.equals(r.input(path).orElse(null)));
    }

    /**
     * Whether a separate resource of {@code type} that configures this bucket sets {@code path} to
     * {@code value}, or may: its value is {@code "[unknown]"} or {@code "[secret]"}. A rule reports
     * the bucket only when this is false, and names the opaque values as not evaluated.
     */
    boolean relatedMaySet(String type, String path, String value) {
        return relatedSets(type, path, value) || !relatedOpaque(type, path).isEmpty();
    }

    /**
     * The separate resources of {@code type} that configure this bucket and whose {@code path} is
     * {@code "[unknown]"} or {@code "[secret]"}, one reason each, e.g. {@code "oc rule.objectOwnership is [unknown]"}.
     */
    List<String> relatedOpaque(String type, String path) {
        List<String> out = new ArrayList<>();
        for (PlannedResource r : related(type)) {
            r.input(path).filter(PlanIndex::isOpaque).ifPresent(v -> out.add(r.getName() + " " + path + " is " + v));
        }
        return out;
    }

    /**
     * Why a rule that needs a configuring resource of {@code type} to set {@code path} to
     * {@code value} cannot decide: none when one sets it, else one reason per such resource whose
     * value is opaque.
     */
    List<String> relatedUndecided(String type, String path, String value) {
        return relatedSets(type, path, value) ? List.of() : relatedOpaque(type, path);
    }

    /** The bucket's name, if known. */
    Optional<String> name() {
        return PlanIndex.text(bucket.getOutputs().get("bucket"))
                .or(() -> PlanIndex.text(bucket.getInputs().get("bucket")))
                .or(() -> bucket.getId().filter(id -> !id.isEmpty()));
    }

    /** The bucket's ARN, if known. */
    Optional<String> arn() {
        return PlanIndex.text(bucket.getOutputs().get("arn"))
                .or(() -> PlanIndex.text(bucket.getInputs().get("arn")))
                .or(() -> name().map(n -> "arn:aws:s3:::" + n));
    }

    /** The bucket policies: the legacy inline {@code policy} and every BucketPolicy's. */
    List<String> policyTexts() {
        List<String> out = new ArrayList<>();
        if (legacy) {
            PlanIndex.text(bucket.getInputs().get("policy")).ifPresent(out::add);
        }
        for (PlannedResource p : related(Types.BUCKET_POLICY)) {
            PlanIndex.text(p.getInputs().get("policy")).ifPresent(out::add);
        }
        return out;
    }

    /** Whether some policy is opaque (secret or unknown), so its absence cannot be judged. */
    boolean hasOpaquePolicy() {
        if (legacy && PlanIndex.isOpaque(bucket, "policy")) {
            return true;
        }
        return related(Types.BUCKET_POLICY).stream().anyMatch(p -> PlanIndex.isOpaque(p, "policy"));
    }

    /** One reason per opaque bucket policy, e.g. {@code "bucket policy <name> policy is [unknown]"}. */
    List<String> opaquePolicyReasons() {
        List<String> out = new ArrayList<>();
        if (legacy && PlanIndex.isOpaque(bucket, "policy")) {
            out.add("the bucket's policy input is " + bucket.input("policy").orElse(""));
        }
        for (PlannedResource p : related(Types.BUCKET_POLICY)) {
            if (PlanIndex.isOpaque(p, "policy")) {
                out.add("bucket policy " + p.getName() + " is " + p.input("policy").orElse(""));
            }
        }
        return out;
    }

    /** The parsed bucket policies (invalid ones left out). */
    List<PolicyDocument> policies() {
        List<PolicyDocument> out = new ArrayList<>();
        for (String t : policyTexts()) {
            Policies.parse(t).ifPresent(out::add);
        }
        return out;
    }

    /** The default-encryption rules: legacy {@code serverSideEncryptionConfiguration.rule} and V2 {@code rules}. */
    List<Object> encryptionRules() {
        List<Object> out = new ArrayList<>();
        if (legacy) {
            out.addAll(PlanIndex.list(bucket, "serverSideEncryptionConfiguration.rule"));
        }
        for (PlannedResource r : related(Types.SSE_V2)) {
            out.addAll(PlanIndex.list(r, "rules"));
        }
        return out;
    }

    /** Whether default encryption is SSE-KMS (with or without a key id). */
    boolean usesKms() {
        return encryptionRules().stream().anyMatch(r -> String.valueOf(
                PlanIndex.get(PlanIndex.get(r, "applyServerSideEncryptionByDefault"), "sseAlgorithm")).startsWith("aws:kms"));
    }

    /** Whether the bucket declares a purpose tag. */
    boolean hasPurpose(String purpose) {
        return bucket.hasTag("mlinfra:purpose", purpose);
    }
}
