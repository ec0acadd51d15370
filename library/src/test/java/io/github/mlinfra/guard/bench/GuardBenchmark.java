package io.github.mlinfra.guard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.cli.Main;
import io.github.mlinfra.guard.Guard;
import io.github.mlinfra.guard.PlanReaders;
import io.github.mlinfra.guard.PostureReport;
import io.github.mlinfra.guard.Reports;
import io.github.mlinfra.plan.Plan;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark of the guard on a large stack export (a figure, not a test; see docs/PERFORMANCE.md).
 *
 * <pre>
 * write N FILE   writes a `pulumi stack export` (version 3) of N resources to FILE: groups of ten
 *                (bucket, versioning, encryption, public access block, bucket policy, KMS key,
 *                IAM role, role policy, security group, Lambda function) with tags, nulls,
 *                dependencies and secrets, as real exports have them
 * run FILE       reads FILE and checks it in this JVM (read, check, JSON report, tree), then runs
 *                `mlinfra check FILE --format json`; prints one line:
 *                guard n read_ms check_ms report_ms tree_ms cli_ms exit peak_heap_mib
 * </pre>
 */
public final class GuardBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GuardBenchmark() {}

    /**
     * Runs a scenario.
     *
     * @param args {@code write N FILE} or {@code run FILE}
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("write")) {
            Files.writeString(Path.of(args[2]), export(Integer.parseInt(args[1])), StandardCharsets.UTF_8);
            return;
        }
        if (args.length != 2 || !args[0].equals("run")) {
            throw new IllegalArgumentException("usage: write N FILE | run FILE");
        }
        Path file = Path.of(args[1]);
        long t0 = System.nanoTime();
        Plan plan = PlanReaders.read(Files.readString(file, StandardCharsets.UTF_8));
        long t1 = System.nanoTime();
        PostureReport report = Guard.defaults().check(plan);
        long t2 = System.nanoTime();
        int chars = Reports.json(report).length();
        long t3 = System.nanoTime();
        int tree = plan.renderTree().length();
        long t4 = System.nanoTime();
        int exit = Main.run(new String[] {"check", file.toString(), "--format", "json"},
                new PrintStream(OutputStream.nullOutputStream()), System.err);
        long t5 = System.nanoTime();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "guard %d %d %d %d %d %d %d %d (findings %d, report %d chars, tree %d chars)%n",
                plan.getResources().size(), ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5), exit,
                peak / (1024 * 1024), report.findingCount(), chars, tree);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    static String export(int n) throws Exception {
        String p = "urn:pulumi:prod::big::";
        String stack = p + "pulumi:pulumi:Stack::big-prod";
        ObjectNode root = MAPPER.createObjectNode().put("version", 3);
        ObjectNode dep = root.putObject("deployment");
        dep.putObject("manifest").put("time", "2026-11-30T12:00:00Z").put("magic", "").put("version", "v3.140.0");
        ArrayNode res = dep.putArray("resources");
        res.addObject().put("urn", stack).put("custom", false).put("type", "pulumi:pulumi:Stack").putObject("outputs").putNull("none");
        String prov = p + "pulumi:providers:aws::default_6_83_0";
        res.addObject().put("urn", prov).put("custom", true).put("id", "p-1").put("type", "pulumi:providers:aws")
                .putObject("inputs").put("region", "eu-west-1");
        for (int g = 0; res.size() < n + 1; g++) {
            String b = "data-" + g;
            String name = "data-" + g + "-a1b2c3d";
            String bucketUrn = p + "aws:s3/bucketV2:BucketV2::" + b;
            String keyUrn = p + "aws:kms/key:Key::" + b + "-key";
            String roleUrn = p + "aws:iam/role:Role::" + b + "-role";
            ObjectNode bucket = r(res, bucketUrn, "aws:s3/bucketV2:BucketV2", name, stack, prov);
            bucket.withObjectProperty("inputs").put("bucket", name).putNull("objectLockEnabled").putObject("tags").put("team", "data" + (g % 7));
            bucket.withObjectProperty("outputs").put("arn", "arn:aws:s3:::" + name).put("bucket", name).putNull("policy").putArray("grants");
            r(res, p + "aws:s3/bucketVersioningV2:BucketVersioningV2::" + b + "-v", "aws:s3/bucketVersioningV2:BucketVersioningV2", name,
                    stack, prov, bucketUrn).withObjectProperty("inputs").put("bucket", name).putObject("versioningConfiguration").put("status", "Enabled");
            ObjectNode sse = r(res, p + "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2::" + b
                    + "-sse", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", name, stack, prov,
                    bucketUrn, keyUrn);
            sse.withObjectProperty("inputs").put("bucket", name).putArray("rules").addObject().put("bucketKeyEnabled", true)
                    .putObject("applyServerSideEncryptionByDefault").put("sseAlgorithm", "aws:kms")
                    .put("kmsMasterKeyId", "arn:aws:kms:eu-west-1:123456789012:key/k-" + g);
            r(res, p + "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::" + b + "-pab",
                    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name, stack, prov, bucketUrn).withObjectProperty("inputs")
                    .put("bucket", name).put("blockPublicAcls", true).put("blockPublicPolicy", true).put("ignorePublicAcls", true)
                    .put("restrictPublicBuckets", g % 5 != 0);
            r(res, p + "aws:s3/bucketPolicy:BucketPolicy::" + b + "-policy", "aws:s3/bucketPolicy:BucketPolicy", name, stack, prov,
                    bucketUrn).withObjectProperty("inputs").put("bucket", name).put("policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
                    + "\"TlsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + name
                    + "\",\"arn:aws:s3:::" + name + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}");
            ObjectNode key = r(res, keyUrn, "aws:kms/key:Key", "k-" + g, stack, prov);
            key.withObjectProperty("inputs").put("enableKeyRotation", g % 3 != 0).put("deletionWindowInDays", 30)
                    .putObject("policy").put("4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270").put("ciphertext", "v1:x");
            ObjectNode role = r(res, roleUrn, "aws:iam/role:Role", b + "-role", stack, prov);
            role.withObjectProperty("inputs").put("name", b + "-role").put("assumeRolePolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                    + "\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}").putNull("inlinePolicies");
            r(res, p + "aws:iam/rolePolicy:RolePolicy::" + b + "-rp", "aws:iam/rolePolicy:RolePolicy", b + "-rp", stack, prov, roleUrn)
                    .withObjectProperty("inputs").put("role", b + "-role").put("policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::" + name + "/*\"}]}");
            r(res, p + "aws:ec2/securityGroup:SecurityGroup::" + b + "-sg", "aws:ec2/securityGroup:SecurityGroup", "sg-" + g, stack, prov)
                    .withObjectProperty("inputs").put("vpcId", "vpc-1").putArray("ingress").addObject().put("protocol", "tcp").put("fromPort", 443)
                    .put("toPort", 443).putArray("cidrBlocks").add(g % 11 == 0 ? "0.0.0.0/0" : "10.0.0.0/8");
            r(res, p + "aws:lambda/function:Function::" + b + "-fn", "aws:lambda/function:Function", b + "-fn", stack, prov, roleUrn,
                    bucketUrn).withObjectProperty("inputs").put("runtime", "python3.12").put("handler", "main.handler").putNull("vpcConfig")
                    .putObject("environment").putObject("variables").put("BUCKET", name);
        }
        while (res.size() > n + 2) {
            res.remove(res.size() - 1);
        }
        return MAPPER.writeValueAsString(root);
    }

    private static ObjectNode r(ArrayNode res, String urn, String type, String id, String parent, String prov, String... deps) {
        ObjectNode o = res.addObject();
        o.put("urn", urn).put("custom", true).put("id", id).put("type", type).put("parent", parent)
                .put("provider", prov + "::p-1");
        o.putObject("inputs");
        o.putObject("outputs");
        ArrayNode d = o.putArray("dependencies");
        for (String x : deps) {
            d.add(x);
        }
        return o;
    }
}
