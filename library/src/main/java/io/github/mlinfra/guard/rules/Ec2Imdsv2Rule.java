package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-EC2-02: IMDSv2 is required with a hop limit of 1. */
final class Ec2Imdsv2Rule extends SimpleResourceRule {
    Ec2Imdsv2Rule() {
        super(Control.EC2_IMDSV2, "IMDSv1 answers any request from the instance, so an SSRF in a notebook or "
                + "serving endpoint hands out the role's credentials; IMDSv2 tokens with a hop limit of 1 also keep "
                + "containers on the host from reaching the metadata service.", Types.INSTANCE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (PlanIndex.isOpaque(r, "metadataOptions")) {
            return out;
        }
        Object tokens = r.input("metadataOptions.httpTokens").orElse(null);
        if (!"required".equals(tokens) && !PlanIndex.isOpaque(tokens)) {
            out.add("metadataOptions.httpTokens is " + (tokens == null ? "not set (IMDSv1 allowed)" : tokens) + ", expected required");
        }
        Object hops = r.input("metadataOptions.httpPutResponseHopLimit").orElse(null);
        if (!(hops instanceof Number n && n.longValue() == 1) && !PlanIndex.isOpaque(hops)) {
            out.add("metadataOptions.httpPutResponseHopLimit is " + (hops == null ? "not set" : hops) + ", expected 1");
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "metadataOptions", "metadataOptions.httpTokens", "metadataOptions.httpPutResponseHopLimit");
    }
}
