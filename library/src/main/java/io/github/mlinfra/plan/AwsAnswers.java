package io.github.mlinfra.plan;

import com.pulumi.test.Mocks;
import io.github.mlinfra.aws.AutoNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS-aware answers for the SDK's mock engine: realistic, deterministic ids, names and ARNs for
 * the computed properties dependants read, and the invokes the components make. Any other invoke
 * fails the plan, naming it.
 */
final class AwsAnswers implements Mocks {
    /** The invokes answered offline. */
    static final List<String> INVOKES = List.of(
            "aws:index/getCallerIdentity:getCallerIdentity",
            "aws:index/getPartition:getPartition",
            "aws:index/getRegion:getRegion",
            "aws:index/getAvailabilityZones:getAvailabilityZones",
            "aws:ec2/getAmi:getAmi",
            "aws:ec2/getPrefixList:getPrefixList");

    /**
     * A resource whose provider id is its name and whose ARN ends in it:
     * {@code arn:<partition>:<service>:<region>:<account>:<arnPrefix><name>}, the name taken from the
     * input {@code nameInput} or auto-named. SageMaker writes the name in lower case in its ARNs.
     */
    private record NamedResource(String service, String arnPrefix, String nameInput, boolean lowerCaseInArn) {}

    /** The resources answered by {@link #putNamed}, by type. */
    private static final Map<String, NamedResource> NAMED = Map.of(
            "aws:cloudwatch/logGroup:LogGroup", new NamedResource("logs", "log-group:", "name", false),
            "aws:cloudtrail/trail:Trail", new NamedResource("cloudtrail", "trail/", "name", false),
            "aws:sagemaker/notebookInstance:NotebookInstance",
            new NamedResource("sagemaker", "notebook-instance/", "name", true),
            "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
            new NamedResource("sagemaker", "notebook-instance-lifecycle-config/", "name", true),
            // CreateModelPackageGroup returns arn:<partition>:sagemaker:<region>:<account>:model-package-group/<name>
            // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackageGroup.html)
            "aws:sagemaker/modelPackageGroup:ModelPackageGroup",
            new NamedResource("sagemaker", "model-package-group/", "modelPackageGroupName", true),
            "aws:sagemaker/pipeline:Pipeline", new NamedResource("sagemaker", "pipeline/", "pipelineName", true));

    private final PlanOptions options;
    private final Map<String, String> subnetZones = new ConcurrentHashMap<>();
    /** Failures (unknown invokes), one line each, read by the engine after the run. */
    final List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    AwsAnswers(PlanOptions options) {
        this.options = options;
    }

    private String acct() {
        return options.getAccountId();
    }

    private String region() {
        return options.getRegion();
    }

    private String arn(String service, String region, String account, String resource) {
        return "arn:" + options.getPartition() + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    private String dnsSuffix() {
        return options.getPartition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    static String hex(String seed, int len) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.substring(0, len);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        String type = args.type;
        String name = args.name;
        Map<String, Object> in = args.inputs;
        Map<String, Object> state = new LinkedHashMap<>(in);
        if (!type.startsWith("aws:")) {
            Optional<String> id = type.startsWith("pulumi:providers:") ? Optional.of(uuid(type + name)) : Optional.empty();
            return CompletableFuture.completedFuture(ResourceResult.of(id, state));
        }
        String seed = type + "::" + name;
        // physical names Pulumi would auto-name differ per stack (a random suffix on a real run):
        // seed their offline suffix with project and stack too, so two stacks' plans never share one
        String nameSeed = options.getProject() + "::" + options.getStack() + "::" + seed;
        String h17 = hex(seed, 17);
        // auto-named as pulumi-aws 6.83 would (io.github.mlinfra.aws.AutoNames): too long or refused names fail the plan
        java.util.function.Supplier<String> autoName = () -> str(in, "name")
                .orElseGet(() -> AutoNames.name(type, name, hex(nameSeed, AutoNames.RANDOM_HEX)));
        String module = type.substring(4, type.indexOf('/') > 0 ? type.indexOf('/') : type.length());
        String id;
        switch (type) {
            case "aws:s3/bucketV2:BucketV2":
            case "aws:s3/bucket:Bucket": {
                String bucket = str(in, "bucket").orElseGet(() -> str(in, "bucketPrefix")
                        .map(p -> p + hex(nameSeed, 26))
                        .orElseGet(() -> AutoNames.name(type, name, hex(nameSeed, AutoNames.RANDOM_HEX))));
                id = bucket;
                state.put("bucket", bucket);
                state.put("arn", "arn:" + options.getPartition() + ":s3:::" + bucket);
                state.put("bucketDomainName", bucket + ".s3." + dnsSuffix());
                state.put("bucketRegionalDomainName", bucket + ".s3." + region() + "." + dnsSuffix());
                state.put("hostedZoneId", "Z3AQBSTGFYJSTF");
                state.put("region", region());
                break;
            }
            case "aws:kms/key:Key": {
                id = uuid(seed);
                state.put("keyId", id);
                state.put("arn", arn("kms", region(), acct(), "key/" + id));
                break;
            }
            case "aws:kms/alias:Alias": {
                id = str(in, "name").orElse("alias/" + name);
                state.put("name", id);
                state.put("arn", arn("kms", region(), acct(), id));
                state.put("targetKeyArn", arn("kms", region(), acct(), "key/" + str(in, "targetKeyId").orElse("")));
                break;
            }
            case "aws:iam/role:Role":
                id = autoName.get();
                putIamEntity(state, in, id, "role", "uniqueId", "AROA", seed);
                break;
            case "aws:iam/instanceProfile:InstanceProfile":
                id = autoName.get();
                putIamEntity(state, in, id, "instance-profile", "uniqueId", "AIPA", seed);
                break;
            case "aws:iam/policy:Policy":
                // the provider's id of a managed policy is its ARN
                id = putIamEntity(state, in, autoName.get(), "policy", "policyId", "ANPA", seed);
                break;
            case "aws:iam/rolePolicy:RolePolicy": {
                String auto = autoName.get();
                state.put("name", auto);
                id = str(in, "role").orElse("role") + ":" + auto;
                break;
            }
            case "aws:iam/rolePolicyAttachment:RolePolicyAttachment":
                id = str(in, "role").orElse("role") + "-" + hex(seed, 20);
                break;
            case "aws:ec2/vpc:Vpc":
                id = "vpc-" + h17;
                state.put("arn", arn("ec2", region(), acct(), "vpc/" + id));
                state.put("defaultSecurityGroupId", "sg-" + hex(seed + "default-sg", 17));
                state.put("defaultNetworkAclId", "acl-" + hex(seed + "acl", 17));
                state.put("defaultRouteTableId", "rtb-" + hex(seed + "rtb", 17));
                state.put("mainRouteTableId", "rtb-" + hex(seed + "rtb", 17));
                state.put("ownerId", acct());
                break;
            case "aws:ec2/subnet:Subnet": {
                id = "subnet-" + h17;
                String az = str(in, "availabilityZone").orElse(region() + "a");
                subnetZones.put(id, az);
                state.put("availabilityZone", az);
                state.put("availabilityZoneId", "use1-az" + (az.charAt(az.length() - 1) - 'a' + 1));
                state.put("arn", arn("ec2", region(), acct(), "subnet/" + id));
                state.put("ownerId", acct());
                break;
            }
            case "aws:ec2/securityGroup:SecurityGroup":
                String groupName = autoName.get();
                id = "sg-" + h17;
                state.put("arn", arn("ec2", region(), acct(), "security-group/" + id));
                state.put("name", groupName);
                state.put("ownerId", acct());
                break;
            case "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup":
                id = "sg-" + h17;
                state.put("arn", arn("ec2", region(), acct(), "security-group/" + id));
                state.put("name", "default");
                state.put("ownerId", acct());
                break;
            case "aws:ec2/vpcEndpoint:VpcEndpoint":
                id = "vpce-" + h17;
                state.put("arn", arn("ec2", region(), acct(), "vpc-endpoint/" + id));
                state.put("prefixListId", "pl-" + hex(seed + "pl", 8));
                state.put("ownerId", acct());
                break;
            case "aws:ec2/instance:Instance": {
                id = "i-" + h17;
                state.put("arn", arn("ec2", region(), acct(), "instance/" + id));
                String az = str(in, "subnetId").map(subnetZones::get).orElse(region() + "a");
                state.put("availabilityZone", az);
                state.put("privateIp", "10.0." + (Integer.parseInt(hex(seed, 2), 16) % 250 + 1) + "."
                        + (Integer.parseInt(hex(seed + "ip", 2), 16) % 250 + 4));
                state.put("primaryNetworkInterfaceId", "eni-" + hex(seed + "eni", 17));
                state.put("instanceState", "running");
                break;
            }
            case "aws:ebs/volume:Volume":
                id = "vol-" + h17;
                state.put("arn", arn("ec2", region(), acct(), "volume/" + id));
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
            case "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration":
            case "aws:sagemaker/modelPackageGroup:ModelPackageGroup":
            case "aws:sagemaker/pipeline:Pipeline":
                id = putNamed(state, in, NAMED.get(type), autoName);
                break;
            case "aws:cloudtrail/trail:Trail":
                id = putNamed(state, in, NAMED.get(type), autoName);
                state.put("homeRegion", region());
                break;
            case "aws:sagemaker/notebookInstance:NotebookInstance":
                id = putNamed(state, in, NAMED.get(type), autoName);
                state.put("url", id + ".notebook." + region() + ".sagemaker.aws");
                break;
            default: {
                String prefix = Character.toLowerCase(type.charAt(type.lastIndexOf(':') + 1))
                        + type.substring(type.lastIndexOf(':') + 2);
                id = name + "-" + hex(seed, 8);
                state.putIfAbsent("arn", arn(module, module.equals("iam") ? "" : region(), acct(), prefix + "/" + id));
                if (!in.containsKey("name")) {
                    state.put("name", name + "-" + hex(nameSeed, AutoNames.RANDOM_HEX));
                }
            }
        }
        state.put("tagsAll", in.getOrDefault("tags", Map.of()));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /**
     * Puts what IAM returns for a role, instance profile or managed policy: its name, its ARN
     * {@code arn:<partition>:iam::<account>:<kind><path><name>} and its unique id, a four-letter
     * prefix naming the kind and 17 characters
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes, looked up 2026-11-30).
     *
     * @return the ARN
     */
    private String putIamEntity(Map<String, Object> state, Map<String, Object> in, String name, String kind,
            String uniqueIdKey, String uniqueIdPrefix, String seed) {
        String arn = arn("iam", "", acct(), kind + str(in, "path").orElse("/") + name);
        state.put("name", name);
        state.put("arn", arn);
        state.put(uniqueIdKey, uniqueIdPrefix + hex(seed, 17).toUpperCase(Locale.ROOT));
        return arn;
    }

    /**
     * Puts the ARN (and, where the name's input is {@code name}, the name) of a resource the
     * provider identifies by name.
     *
     * @return the name, the resource's id
     */
    private String putNamed(Map<String, Object> state, Map<String, Object> in, NamedResource kind,
            java.util.function.Supplier<String> autoName) {
        String name = str(in, kind.nameInput()).orElseGet(autoName);
        if (kind.nameInput().equals("name")) {
            state.put("name", name);
        }
        String inArn = kind.lowerCaseInArn() ? name.toLowerCase(Locale.ROOT) : name;
        state.put("arn", arn(kind.service(), region(), acct(), kind.arnPrefix() + inArn));
        return name;
    }

    private static Optional<String> str(Map<String, Object> in, String key) {
        Object v = in.get(key);
        return v instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    /** Reads {@code CallArgs.args} (a Guava map, which the SDK brings at runtime scope only) as a plain map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> invokeArgs(CallArgs args) {
        try {
            Object a = CallArgs.class.getField("args").get(args);
            return a == null ? Map.of() : (Map<String, Object>) a;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unexpected Pulumi SDK: Mocks.CallArgs has no 'args'", e);
        }
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Map<String, Object> a = invokeArgs(args);
        Map<String, Object> out = new HashMap<>();
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity":
                out.put("accountId", acct());
                out.put("arn", "arn:" + options.getPartition() + ":sts::" + acct() + ":assumed-role/deployer/mlinfra-plan");
                out.put("userId", "AROA" + hex("caller", 17).toUpperCase(Locale.ROOT) + ":mlinfra-plan");
                out.put("id", acct());
                break;
            case "aws:index/getPartition:getPartition":
                out.put("partition", options.getPartition());
                out.put("dnsSuffix", dnsSuffix());
                out.put("reverseDnsPrefix", options.getPartition().equals("aws-cn") ? "cn.com.amazonaws" : "com.amazonaws");
                out.put("id", options.getPartition());
                break;
            case "aws:index/getRegion:getRegion":
                out.put("name", region());
                out.put("id", region());
                out.put("description", region());
                out.put("endpoint", "ec2." + region() + "." + dnsSuffix());
                break;
            case "aws:index/getAvailabilityZones:getAvailabilityZones": {
                List<String> names = List.of(region() + "a", region() + "b", region() + "c");
                out.put("names", names);
                out.put("zoneIds", List.of("az1", "az2", "az3"));
                out.put("groupNames", List.of(region()));
                out.put("id", region());
                break;
            }
            case "aws:ec2/getAmi:getAmi": {
                String seed = String.valueOf(a.get("filters")) + a.get("owners");
                String ami = "ami-" + hex(seed, 17);
                out.put("id", ami);
                out.put("imageId", ami);
                out.put("name", "offline-plan-image-" + hex(seed, 6));
                out.put("architecture", "x86_64");
                out.put("creationDate", "2026-11-01T00:00:00.000Z");
                Object owners = a.get("owners");
                out.put("ownerId", owners instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "amazon");
                out.put("rootDeviceName", "/dev/sda1");
                break;
            }
            case "aws:ec2/getPrefixList:getPrefixList": {
                String n = String.valueOf(a.getOrDefault("name", "com.amazonaws." + region() + ".s3"));
                out.put("id", "pl-" + hex(n, 8));
                out.put("name", n);
                out.put("cidrBlocks", List.of("52.216.0.0/15", "3.5.0.0/19"));
                break;
            }
            default: {
                String msg = "invoke '" + args.token + "' is not answered by the offline plan engine (it answers "
                        + String.join(", ", INVOKES) + ")";
                failures.add(msg);
                throw new IllegalArgumentException(msg);
            }
        }
        return CompletableFuture.completedFuture(out);
    }
}
