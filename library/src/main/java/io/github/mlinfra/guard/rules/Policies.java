package io.github.mlinfra.guard.rules;

import io.github.mlinfra.aws.IamWildcardPatterns;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Principal;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading policy documents out of plan inputs. */
final class Policies {
    private Policies() {}

    /** A policy text found on a resource, with where it was found. */
    static final class Found {
        final PlannedResource resource;
        final String input;
        final String text;

        Found(PlannedResource resource, String input, String text) {
            this.resource = resource;
            this.input = input;
            this.text = text;
        }
    }

    /** Parses a policy; empty when it is not a valid policy document. */
    static Optional<PolicyDocument> parse(String text) {
        try {
            return Optional.of(PolicyDocument.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The identity-policy texts of a plan (policies, inline role/user/group policies). */
    static List<Found> identityPolicies(PlanIndex plan) {
        List<Found> out = new ArrayList<>();
        for (PlannedResource r : plan.ofType(Types.POLICY, Types.ROLE_POLICY, Types.USER_POLICY, Types.GROUP_POLICY)) {
            PlanIndex.text(r.getInputs().get("policy")).ifPresent(t -> out.add(new Found(r, "policy", t)));
        }
        for (PlannedResource r : plan.ofType(Types.ROLE)) {
            List<Object> inline = PlanIndex.list(r, "inlinePolicies");
            for (int i = 0; i < inline.size(); i++) {
                String input = "inlinePolicies." + i + ".policy";
                PlanIndex.text(PlanIndex.get(inline.get(i), "policy")).ifPresent(t -> out.add(new Found(r, input, t)));
            }
        }
        return out;
    }

    /** Every policy-bearing input of a plan: identity, trust, key and bucket policies. */
    static List<Found> allPolicies(PlanIndex plan) {
        List<Found> out = new ArrayList<>(identityPolicies(plan));
        for (PlannedResource r : plan.ofType(Types.ROLE)) {
            PlanIndex.text(r.getInputs().get("assumeRolePolicy")).ifPresent(t -> out.add(new Found(r, "assumeRolePolicy", t)));
        }
        for (PlannedResource r : plan.ofType(Types.KMS_KEY, Types.BUCKET_POLICY, Types.BUCKET)) {
            PlanIndex.text(r.getInputs().get("policy")).ifPresent(t -> out.add(new Found(r, "policy", t)));
        }
        return out;
    }

    /**
     * The not-evaluated findings for the policy inputs a rule cannot read, one each, e.g.
     * {@code "policy is [unknown]"}. Identity policies only, or every policy input.
     */
    static List<Violation> notEvaluated(PlanIndex plan, boolean identityOnly) {
        List<Violation> out = new ArrayList<>();
        for (Found f : unreadable(plan, identityOnly)) {
            out.add(Violation.notEvaluated(f.resource, f.input + " is " + f.text));
        }
        return out;
    }

    /**
     * The policy inputs a rule cannot read: {@code "[unknown]"} or {@code "[secret]"} (the text of
     * each {@link Found} is the marker). Identity policies only, or every policy input.
     */
    private static List<Found> unreadable(PlanIndex plan, boolean identityOnly) {
        List<Found> out = new ArrayList<>();
        List<String> types = new ArrayList<>(List.of(Types.POLICY, Types.ROLE_POLICY, Types.USER_POLICY, Types.GROUP_POLICY));
        if (!identityOnly) {
            types.addAll(List.of(Types.KMS_KEY, Types.BUCKET_POLICY, Types.BUCKET));
        }
        for (PlannedResource r : plan.ofType(types.toArray(new String[0]))) {
            r.input("policy").filter(PlanIndex::isOpaque).ifPresent(v -> out.add(new Found(r, "policy", (String) v)));
        }
        for (PlannedResource r : plan.ofType(Types.ROLE)) {
            if (!identityOnly) {
                r.input("assumeRolePolicy").filter(PlanIndex::isOpaque)
                        .ifPresent(v -> out.add(new Found(r, "assumeRolePolicy", (String) v)));
            }
            r.input("inlinePolicies").filter(PlanIndex::isOpaque)
                    .ifPresent(v -> out.add(new Found(r, "inlinePolicies", (String) v)));
            List<Object> inline = PlanIndex.list(r, "inlinePolicies");
            for (int i = 0; i < inline.size(); i++) {
                Object p = PlanIndex.get(inline.get(i), "policy");
                if (PlanIndex.isOpaque(p)) {
                    out.add(new Found(r, "inlinePolicies." + i + ".policy", (String) p));
                }
            }
        }
        return out;
    }

    /** Whether a principal is everyone ({@code "*"} or {@code {"AWS": "*"}}). */
    static boolean isAnyone(Optional<Principal> p) {
        if (p.isEmpty()) {
            return false;
        }
        if (p.get().isAnyone()) {
            return true;
        }
        for (Map.Entry<String, List<String>> e : p.get().getIdentifiers().entrySet()) {
            if (e.getKey().equals("AWS") && e.getValue().contains("*")) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the statement's resources matches the ARN. */
    static boolean covers(Statement s, String arn) {
        return s.getResources().stream().anyMatch(p -> IamWildcardPatterns.matches(p, arn));
    }

    /** Whether the statement has an action matching the given one ({@code s3:*} matches {@code s3:PutObject}). */
    static boolean hasAction(Statement s, String action) {
        return s.getActions().stream().anyMatch(a -> IamWildcardPatterns.matches(a.toLowerCase(java.util.Locale.ROOT),
                action.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The conditions with a key (case-insensitive). */
    static List<Condition> conditions(Statement s, String key) {
        List<Condition> out = new ArrayList<>();
        for (Condition c : s.getConditions()) {
            if (c.getKey().equalsIgnoreCase(key)) {
                out.add(c);
            }
        }
        return out;
    }
}
