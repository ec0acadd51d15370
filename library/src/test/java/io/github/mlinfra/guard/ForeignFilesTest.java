package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.cli.Main;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanFormatException;
import io.github.mlinfra.plan.PlannedResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real-shaped files of stacks written in other languages (test resources {@code foreign/}),
 * following the engine's schema ({@code apitype} {@code UntypedDeployment}, {@code VersionedCheckpoint},
 * {@code ResourceV1..V3}, {@code PreviewDigest}): Elastic Beanstalk, RDS, Lambda and S3, with nulls,
 * old versions of resources, an empty stack and state files.
 */
class ForeignFilesTest {
    static final String TS = "typescript-beanstalk-rds-s3.export-v3.json";
    static final String TS_V4 = "typescript-beanstalk-rds-s3.export-v4.json";
    static final String PY = "python-lambda-s3.preview.json";
    static final String GO = "go-lambda-s3.state-v3.json";
    static final String EMPTY_EXPORT = "empty-stack.export-v3.json";
    static final String EMPTY_STATE = "empty-stack.state-v3.json";
    static final String V1 = "v1-s3.export.json";
    static final String V2 = "v2-lambda.export.json";

    static Path file(String name) {
        try {
            return Path.of(ForeignFilesTest.class.getResource("/foreign/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Plan read(String name) {
        return PlanReaders.read(text(name));
    }

    /** Runs {@code mlinfra check}; returns code, stdout, stderr. */
    static String[] check(String... args) {
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aTypeScriptExportWithNullsOldVersionsAndShortWaiverTags() {
        Plan plan = read(TS);
        assertThat(plan.getProject()).isEqualTo("shop-web");
        assertThat(plan.getStack()).isEqualTo("prod");
        assertThat(plan.getResources()).extracting(PlannedResource::getName).containsExactlyInAnyOrder(
                "shop-web-app", "shop-web-env", "shop-web-db", "shop-web-db-subnets", "shop-web-assets", "shop-web-assets-pab");
        // the "delete": true entry is an old version waiting to be deleted, not a second database
        PlannedResource db = plan.resource("shop-web-db");
        assertThat(db.getInputs()).containsEntry("instanceClass", "db.t3.micro").containsEntry("password", "[secret]")
                .doesNotContainKey("kmsKeyId").doesNotContainKey("backupRetentionPeriod");
        assertThat(db.getDependencies()).containsExactly("urn:pulumi:prod::shop-web::aws:rds/subnetGroup:SubnetGroup::shop-web-db-subnets");
        assertThat(plan.resource("shop-web-env").getDependencies()).containsExactly(
                "urn:pulumi:prod::shop-web::aws:elasticbeanstalk/application:Application::shop-web-app",
                "urn:pulumi:prod::shop-web::aws:rds/instance:Instance::shop-web-db");
        assertThat(plan.resource("shop-web-assets").getInputs()).doesNotContainKey("objectLockEnabled");
        assertThat(plan.resource("shop-web-assets").getOutputs()).doesNotContainKey("websiteDomain")
                .containsEntry("versionings", List.of(java.util.Map.of("enabled", false, "mfaDelete", false)));
        assertThat(plan.resource("shop-web-db-subnets").getInputs()).doesNotContainKey("tags");
        assertThat(plan.getOutputs()).containsEntry("dbPassword", "[secret]").doesNotContainKey("cdnDomain");
        // a three-letter tag value is the recorded reason: the authoring rule applies where waivers are written
        assertThat(plan.resource("shop-web-assets").getWaivers()).singleElement().satisfies(w -> {
            assertThat(w.getControl().id()).isEqualTo("MLI-S3-11");
            assertThat(w.getJustification()).isEqualTo("tmp");
        });

        PostureReport report = Guard.defaults().check(plan);
        assertThat(report.findingsOf("MLI-S3-11")).singleElement().satisfies(f -> {
            assertThat(f.isSuppressed()).isTrue();
            assertThat(f.getJustification()).contains("tmp");
        });
        assertThat(report.findingsOf("MLI-GRD-01")).singleElement().satisfies(f -> {
            assertThat(f.getResourceName()).isEqualTo("shop-web-db");
            assertThat(f.getMessage()).contains("'mlinfra:waiver:MLI-DB-01' names no known control");
            assertThat(f.isSuppressed()).isFalse();
        });
        assertThat(report.findingsOf("MLI-S3-09")).as("AES256, not SSE-KMS").hasSize(1);

        String[] run = check(file(TS).toString());
        assertThat(run[0]).isEqualTo(String.valueOf(Main.FINDINGS));
        assertThat(run[2]).isEmpty();
        assertThat(run[1]).contains("6 resources,");
    }

    @Test
    void version4IsVersion3WithFeatures() {
        assertThat(read(TS_V4)).isEqualTo(read(TS));
    }

    @Test
    void aPythonPreviewCountsAReplacementOnceAndLeavesDeletesOut() {
        Plan plan = read(PY);
        assertThat(plan.getProject()).isEqualTo("thumbs");
        assertThat(plan.getResources()).extracting(PlannedResource::getName)
                .containsExactlyInAnyOrder("thumbs-role", "uploads", "thumbs-fn", "shared-logs");
        PlannedResource uploads = plan.resource("uploads");
        assertThat(uploads.getInputs()).as("the replacement's new state").containsEntry("acl", "private")
                .containsEntry("bucket", "thumbs-uploads-9f8e7d6");
        assertThat(uploads.getId()).as("not created yet").isEmpty();
        PlannedResource fn = plan.resource("thumbs-fn");
        assertThat(fn.getInputs()).containsEntry("role", "[unknown]").containsEntry("timeout", 30L)
                .doesNotContainKey("vpcConfig");
        assertThat(fn.input("environment.variables.BUCKET")).contains("[unknown]");
        assertThat(fn.getDependencies()).hasSize(2).isSorted();

        PostureReport report = Guard.defaults().check(plan);
        assertThat(report.findingsOf("MLI-IAM-01")).as("AmazonS3FullAccess on the role").hasSize(1);
        assertThat(check(file(PY).toString())[0]).isEqualTo(String.valueOf(Main.FINDINGS));
    }

    @Test
    void aGoStateFileKeepsAResourcePendingReplacementWhenItIsTheOnlyEntry() {
        Plan plan = read(GO);
        assertThat(plan.getProject()).isEqualTo("ingest");
        assertThat(plan.getStack()).isEqualTo("staging");
        assertThat(plan.getResources()).extracting(PlannedResource::getName)
                .containsExactlyInAnyOrder("raw", "raw-versioning", "ingest-fn", "ingest-fn-role");
        assertThat(plan.resource("ingest-fn").getInputs()).doesNotContainKey("environment").doesNotContainKey("tags");
        assertThat(plan.getOutputs()).containsOnlyKeys("rawBucket");
        PostureReport report = Guard.defaults().check(plan);
        assertThat(report.findingsOf("MLI-S3-06")).as("versioning joined through the bucket name").isEmpty();
        String[] run = check(file(GO).toString(), "--format", "json");
        assertThat(run[2]).isEmpty();
        assertThat(run[1]).contains("\"dependencies\" : [ \"urn:pulumi:staging::ingest::aws:s3/bucketV2:BucketV2::raw\" ]");
    }

    @Test
    void aPendingReplacementGivesWayToTheLiveEntryOfItsUrn() {
        String urn = "urn:pulumi:s::p::aws:kms/key:Key::k";
        String doc = "{\"version\":3,\"deployment\":{\"resources\":["
                + "{\"urn\":\"" + urn + "\",\"type\":\"aws:kms/key:Key\",\"custom\":true,\"id\":\"old\",\"pendingReplacement\":true,"
                + "\"inputs\":{\"enableKeyRotation\":false}},"
                + "{\"urn\":\"" + urn + "\",\"type\":\"aws:kms/key:Key\",\"custom\":true,\"id\":\"new\",\"inputs\":{\"enableKeyRotation\":true}},"
                + "{\"urn\":\"" + urn + "\",\"type\":\"aws:kms/key:Key\",\"custom\":true,\"id\":\"older\",\"delete\":true,"
                + "\"inputs\":{\"enableKeyRotation\":false}}]}}";
        Plan plan = PlanReaders.read(doc);
        assertThat(plan.getResources()).singleElement().satisfies(r -> {
            assertThat(r.getId()).contains("new");
            assertThat(r.getInputs()).containsEntry("enableKeyRotation", true);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {EMPTY_EXPORT, EMPTY_STATE})
    void anEmptyStackHasNothingToFind(String name) {
        assertThat(read(name).getResources()).isEmpty();
        String[] run = check(file(name).toString());
        assertThat(run[0]).isEqualTo(String.valueOf(Main.OK));
        assertThat(run[1]).contains("0 resources, 0 findings (0 suppressed)");
        assertThat(run[2]).isEmpty();
    }

    @Test
    void otherEmptyForms() {
        assertThat(PlanReaders.read("{\"version\":3,\"deployment\":{\"resources\":null}}").getResources()).isEmpty();
        assertThat(PlanReaders.read("{\"version\":3,\"deployment\":null}").getResources()).isEmpty();
        assertThat(PlanReaders.read("{\"version\":3,\"checkpoint\":{\"stack\":\"s\",\"latest\":{\"manifest\":{}}}}").getResources()).isEmpty();
        assertThat(PlanReaders.read("{\"config\":{},\"changeSummary\":{}}").getResources()).isEmpty();
    }

    @Test
    void deploymentVersion1KeepsProviderDefaultsApart() {
        Plan plan = read(V1);
        assertThat(plan.resource("site").getInputs()).containsEntry("acl", "public-read")
                .containsEntry("bucket", "legacy-site-aa11bb2").containsEntry("forceDestroy", false);
        assertThat(plan.resource("site").getDependencies()).isEmpty();
        assertThat(plan.getOutputs()).containsEntry("bucket", "legacy-site-aa11bb2");
    }

    @Test
    void deploymentVersion2() {
        Plan plan = read(V2);
        assertThat(plan.getResources()).singleElement().satisfies(r -> {
            assertThat(r.getType()).isEqualTo("aws:lambda/function:Function");
            assertThat(r.getInputs()).containsEntry("runtime", "nodejs10.x").doesNotContainKey("environment");
        });
    }

    @Test
    void anUnsupportedVersionIsNamed() {
        assertThatThrownBy(() -> PlanReaders.read("{\"version\":5,\"deployment\":{\"resources\":[]}}"))
                .isInstanceOf(PlanFormatException.class).hasMessage("not a stack export: unsupported version 5; expected 1 to 4");
        assertThatThrownBy(() -> PlanReaders.read("{\"version\":\"3\",\"checkpoint\":{}}"))
                .isInstanceOf(PlanFormatException.class).hasMessage("not a state file: unsupported version \"3\"; expected 1 to 4");
    }

    @Test
    void aPlanWithNullsReads() {
        Plan plan = Plan.fromJson("{\"project\":null,\"stack\":\"s\",\"resources\":[{\"urn\":\"urn:pulumi:s::p::aws:kms/key:Key::k\","
                + "\"type\":\"aws:kms/key:Key\",\"id\":null,\"parent\":null,\"inputs\":{\"description\":null,\"policy\":null,"
                + "\"tags\":{\"a\":null},\"list\":[null,\"x\"]},\"outputs\":null,\"ignoreChanges\":null,\"dependencies\":null,"
                + "\"waivers\":null}],\"outputs\":{\"o\":null}}");
        PlannedResource k = plan.resource("k");
        assertThat(plan.getProject()).isEqualTo("unknown");
        assertThat(k.getId()).isEmpty();
        assertThat(k.getParent()).isEmpty();
        assertThat(k.getInputs()).containsOnlyKeys("tags", "list").containsEntry("tags", java.util.Map.of())
                .containsEntry("list", List.of("x"));
        assertThat(plan.getOutputs()).isEmpty();
    }

    @Test
    void dependenciesRoundTripThroughPlanJsonSorted() {
        Plan plan = Plan.fromJson("{\"resources\":[{\"urn\":\"urn:pulumi:s::p::aws:kms/key:Key::k\",\"type\":\"aws:kms/key:Key\","
                + "\"dependencies\":[\"urn:b\",\"urn:a\",\"urn:b\"]}]}");
        assertThat(plan.resource("k").getDependencies()).containsExactly("urn:a", "urn:b");
        assertThat(Plan.fromJson(plan.toJson())).isEqualTo(plan);
        assertThat(plan.toJson()).contains("\"dependencies\" : [ \"urn:a\", \"urn:b\" ]");
    }

    @Test
    void lookupsAndTheTreeOnALargeDeepStack() {
        // a chain of 1,500 components, each the parent of the next, and a resource that names itself as
        // parent: the tree renders without recursion, and the self-parented resource is a root
        StringBuilder doc = new StringBuilder("{\"version\":3,\"deployment\":{\"resources\":[");
        String prefix = "urn:pulumi:s::p::my:c:C::c";
        for (int i = 0; i < 1500; i++) {
            doc.append(i == 0 ? "" : ",").append("{\"urn\":\"").append(prefix).append(String.format("%05d", i))
                    .append("\",\"type\":\"my:c:C\",\"custom\":false")
                    .append(i == 0 ? "" : ",\"parent\":\"" + prefix + String.format("%05d", i - 1) + "\"").append('}');
        }
        doc.append(",{\"urn\":\"urn:pulumi:s::p::aws:kms/key:Key::self\",\"type\":\"aws:kms/key:Key\",")
                .append("\"parent\":\"urn:pulumi:s::p::aws:kms/key:Key::self\"}]}}");
        Plan plan = PlanReaders.read(doc.toString());
        assertThat(plan.byUrn(prefix + "01499")).get().extracting(PlannedResource::getName).isEqualTo("c01499");
        assertThat(plan.childrenOf(plan.resource("c00041"))).extracting(PlannedResource::getName).containsExactly("c00042");
        assertThat(plan.resourcesOfType("aws:kms/key:Key")).extracting(PlannedResource::getName).containsExactly("self");
        String tree = plan.renderTree();
        assertThat(tree.lines()).hasSize(1502);
        assertThat(tree).contains(" +  aws:kms/key:Key").contains("└─ my:c:C");
    }
}
