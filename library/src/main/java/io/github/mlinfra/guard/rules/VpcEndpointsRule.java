package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each VPC of the plan has a VPC endpoint (any endpoint whose {@code vpcId} refers to it) for each
 * of a list of services, named {@code com.amazonaws.<region>.<service>} or its FIPS form. Security
 * Hub evaluates these controls per VPC, whatever runs in it (AWS Config's vpc-endpoint-enabled,
 * https://docs.aws.amazon.com/config/latest/developerguide/vpc-endpoint-enabled.html; the controls:
 * https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-10 and #ec2-55 to
 * #ec2-60). One class, two rules: MLI-VPC-08 (ECR API, ECR Docker registry, Systems Manager: what
 * images, notebooks and managed instances call) and MLI-VPC-09 (EC2 API, Incident Manager and its
 * Contacts).
 */
final class VpcEndpointsRule extends VpcRule {
    private final List<String> services;

    VpcEndpointsRule(Control control, String... services) {
        super(control, InputRule.rationale(control));
        this.services = List.of(services);
    }

    /** MLI-VPC-08 and MLI-VPC-09. */
    static List<VpcEndpointsRule> all() {
        return List.of(new VpcEndpointsRule(Control.VPC_WORKLOAD_ENDPOINTS, "ecr.api", "ecr.dkr", "ssm"),
                new VpcEndpointsRule(Control.VPC_OPERATIONS_ENDPOINTS, "ec2", "ssm-contacts", "ssm-incidents"));
    }

    @Override
    List<String> check(PlannedResource vpc, PlanIndex plan) {
        List<String> missing = missing(vpc, plan);
        return missing.isEmpty() || opaqueName(vpc, plan).isPresent() ? List.of()
                : List.of("no VPC endpoint for " + String.join(", ", missing) + " has vpcId referring to this VPC");
    }

    @Override
    List<String> notEvaluated(PlannedResource vpc, PlanIndex plan) {
        return missing(vpc, plan).isEmpty() ? List.of() : opaqueName(vpc, plan).map(List::of).orElse(List.of());
    }

    private List<String> missing(PlannedResource vpc, PlanIndex plan) {
        List<String> names = new ArrayList<>();
        for (PlannedResource e : plan.referring(vpc, Types.VPC_ENDPOINT, "vpcId")) {
            PlanIndex.text(e.getInputs().get("serviceName")).ifPresent(names::add);
        }
        return services.stream().filter(s -> names.stream().noneMatch(n -> names(n, s))).toList();
    }

    /** Whether an endpoint service name is the service's, in a region or FIPS form. */
    static boolean names(String serviceName, String service) {
        int dot = service.indexOf('.');
        String fips = dot < 0 ? service + "-fips" : service.substring(0, dot) + "-fips" + service.substring(dot);
        return serviceName.endsWith("." + service) || serviceName.endsWith("." + fips);
    }

    private static Optional<String> opaqueName(PlannedResource vpc, PlanIndex plan) {
        return plan.referring(vpc, Types.VPC_ENDPOINT, "vpcId").stream().filter(e -> PlanIndex.isOpaque(e, "serviceName"))
                .findFirst().map(e -> "serviceName of " + e.getName() + " is " + e.getInputs().get("serviceName"));
    }
}
