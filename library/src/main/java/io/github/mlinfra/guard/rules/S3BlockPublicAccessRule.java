package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-S3-01: all four Block Public Access settings are on. */
final class S3BlockPublicAccessRule extends BucketRule {
    private static final List<String> SETTINGS =
            List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");

    S3BlockPublicAccessRule() {
        super(Control.S3_BLOCK_PUBLIC_ACCESS, "Block Public Access is the account- and bucket-level backstop "
                + "that keeps a mistaken ACL or policy from exposing data to the internet; all four settings are "
                + "needed, since each closes a different path (new ACLs, existing ACLs, new policies, existing policies).");
    }

    @Override
    List<String> check(BucketView b) {
        List<PlannedResource> blocks = b.related(Types.PUBLIC_ACCESS_BLOCK);
        if (blocks.isEmpty()) {
            return List.of("no " + Types.PUBLIC_ACCESS_BLOCK + " refers to this bucket");
        }
        List<String> problems = new ArrayList<>();
        for (PlannedResource block : blocks) {
            List<String> off = new ArrayList<>();
            for (String s : SETTINGS) {
                if (!PlanIndex.isOpaque(block, s) && !PlanIndex.bool(block, s).orElse(false)) {
                    off.add(s);
                }
            }
            if (off.isEmpty()) {
                return List.of();
            }
            problems.add(block.getName() + ": " + String.join(", ", off) + " not true");
        }
        return List.of("Block Public Access is incomplete (" + String.join("; ", problems) + ")");
    }

    @Override
    List<String> notEvaluated(BucketView b) {
        List<String> out = new ArrayList<>();
        for (PlannedResource block : b.related(Types.PUBLIC_ACCESS_BLOCK)) {
            List<String> unknown = new ArrayList<>();
            boolean allOn = true;
            for (String s : SETTINGS) {
                if (PlanIndex.isOpaque(block, s)) {
                    unknown.add(s + " is " + block.input(s).orElse(""));
                } else if (!PlanIndex.bool(block, s).orElse(false)) {
                    allOn = false;
                }
            }
            if (allOn && unknown.isEmpty()) {
                return List.of();
            }
            if (allOn) {
                out.add(block.getName() + ": " + String.join(", ", unknown));
            }
        }
        return out;
    }
}
