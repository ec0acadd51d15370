package io.github.mlinfra.guard.rules;

import java.util.ArrayList;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import java.util.List;

/** MLI-S3-06: versioning is enabled. */
final class S3VersioningRule extends BucketRule {
    private static final String STATUS = "versioningConfiguration.status";

    S3VersioningRule() {
        super(Control.S3_VERSIONING, "Versioning keeps every overwritten or deleted object recoverable, the "
                + "cheapest defence against a bad job or a compromised credential wiping checkpoints and artifacts.");
    }

    @Override
    List<String> check(BucketView b) {
        if (b.legacy && (PlanIndex.bool(b.bucket, "versioning.enabled").orElse(false) || PlanIndex.isOpaque(b.bucket, "versioning.enabled"))) {
            return List.of();
        }
        if (b.relatedMaySet(Types.VERSIONING_V2, STATUS, "Enabled")) {
            return List.of();
        }
        return List.of(b.legacy ? "versioning.enabled is not true and no " + Types.VERSIONING_V2 + " enables it"
                : "no " + Types.VERSIONING_V2 + " with versioningConfiguration.status=Enabled refers to this bucket");
    }

    @Override
    List<String> notEvaluated(BucketView b) {
        if ((b.legacy && PlanIndex.bool(b.bucket, "versioning.enabled").orElse(false))
                || b.relatedSets(Types.VERSIONING_V2, STATUS, "Enabled")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (b.legacy) {
            b.bucket.input("versioning.enabled").filter(PlanIndex::isOpaque)
                    .ifPresent(v -> out.add("versioning.enabled is " + v));
        }
        out.addAll(b.relatedOpaque(Types.VERSIONING_V2, STATUS));
        return out;
    }
}
