package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-EC2-01: root, attached and standalone EBS volumes are encrypted with a customer-managed key. */
final class Ec2EbsEncryptionRule extends SimpleResourceRule {
    Ec2EbsEncryptionRule() {
        super(Control.EC2_EBS_ENCRYPTION, "Training volumes hold datasets, checkpoints and credentials cached by "
                + "tools; an unencrypted root volume or snapshot leaks them, and the AWS-managed key cannot be "
                + "scoped or disabled. Every volume needs encrypted=true with a customer-managed kmsKeyId.",
                Types.INSTANCE, Types.EBS_VOLUME);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (r.getType().equals(Types.EBS_VOLUME)) {
            volume(r.getInputs(), "the volume", out);
            return out;
        }
        Object root = r.input("rootBlockDevice").orElse(null);
        if (root == null) {
            out.add("rootBlockDevice is not set: the root volume is not encrypted with a customer-managed key");
        } else {
            volume(root, "rootBlockDevice", out);
        }
        List<Object> ebs = PlanIndex.list(r, "ebsBlockDevices");
        for (int i = 0; i < ebs.size(); i++) {
            volume(ebs.get(i), "ebsBlockDevices." + i, out);
        }
        return out;
    }

    private static void volume(Object v, String where, List<String> out) {
        if (PlanIndex.isOpaque(v)) {
            return;
        }
        Object enc = PlanIndex.get(v, "encrypted");
        Object key = PlanIndex.get(v, "kmsKeyId");
        if (!(Boolean.TRUE.equals(enc) || "true".equals(enc) || PlanIndex.isOpaque(enc))) {
            out.add(where + " is not encrypted (encrypted is not true)");
        } else if (key == null || "".equals(key)) {
            out.add(where + " is encrypted with the AWS-managed key (no kmsKeyId)");
        }
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        if (r.getType().equals(Types.EBS_VOLUME)) {
            return opaque(r, "encrypted");
        }
        List<String> out = opaque(r, "rootBlockDevice", "rootBlockDevice.encrypted", "ebsBlockDevices");
        List<Object> ebs = PlanIndex.list(r, "ebsBlockDevices");
        for (int i = 0; i < ebs.size(); i++) {
            out.addAll(opaque(r, "ebsBlockDevices." + i, "ebsBlockDevices." + i + ".encrypted"));
        }
        return out;
    }
}
