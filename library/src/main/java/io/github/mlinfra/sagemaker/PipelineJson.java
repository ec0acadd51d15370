package io.github.mlinfra.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jackson codec between {@link PipelineDefinition} and the SageMaker Pipelines definition JSON. */
final class PipelineJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PipelineJson() {}

    static String write(PipelineDefinition def) {
        try {
            return MAPPER.writeValueAsString(tree(def));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a pipeline definition", e);
        }
    }

    static ObjectNode tree(PipelineDefinition def) {
        ObjectNode root = NODES.objectNode();
        root.put("Version", def.getVersion());
        root.putObject("Metadata");
        ArrayNode params = root.putArray("Parameters");
        for (PipelineParameter p : def.getParameters()) {
            ObjectNode n = params.addObject();
            n.put("Name", p.getName());
            n.put("Type", p.getType().name());
            p.getDefaultValue().ifPresent(v -> n.set("DefaultValue", literal(v)));
            if (!p.getEnumValues().isEmpty()) {
                ArrayNode values = n.putArray("EnumValues");
                p.getEnumValues().forEach(values::add);
            }
        }
        ArrayNode steps = root.putArray("Steps");
        def.getSteps().forEach(s -> steps.add(step(s)));
        return root;
    }

    private static JsonNode literal(Object v) {
        if (v instanceof String s) {
            return NODES.textNode(s);
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof Double || v instanceof Float) {
            return NODES.numberNode(((Number) v).doubleValue());
        }
        return NODES.numberNode(((Number) v).longValue());
    }

    private static ObjectNode step(PipelineStep s) {
        ObjectNode n = NODES.objectNode();
        n.put("Name", s.getName());
        n.put("Type", s.stepType());
        if (!s.getDependsOn().isEmpty()) {
            ArrayNode d = n.putArray("DependsOn");
            s.getDependsOn().forEach(d::add);
        }
        s.getDisplayName().ifPresent(x -> n.put("DisplayName", x));
        s.getDescription().ifPresent(x -> n.put("Description", x));
        ObjectNode a = n.putObject("Arguments");
        if (s instanceof TrainingStep t) {
            training(t, a);
        } else if (s instanceof ProcessingStep p) {
            processing(p, a);
            if (!p.getPropertyFiles().isEmpty()) {
                ArrayNode files = n.putArray("PropertyFiles");
                for (PropertyFile f : p.getPropertyFiles()) {
                    ObjectNode fn = files.addObject();
                    fn.put("PropertyFileName", f.getPropertyFileName());
                    fn.put("OutputName", f.getOutputName());
                    fn.put("FilePath", f.getFilePath());
                }
            }
        } else if (s instanceof RegisterModelStep r) {
            register(r, a);
        } else if (s instanceof ConditionStep c) {
            ArrayNode conds = a.putArray("Conditions");
            for (PipelineCondition pc : c.getConditions()) {
                ObjectNode cn = conds.addObject();
                cn.put("Type", pc.getType().name());
                cn.set("LeftValue", pc.getLeftValue().toJson());
                cn.set("RightValue", pc.getRightValue().toJson());
            }
            ArrayNode ifs = a.putArray("IfSteps");
            c.getIfSteps().forEach(x -> ifs.add(step(x)));
            ArrayNode elses = a.putArray("ElseSteps");
            c.getElseSteps().forEach(x -> elses.add(step(x)));
        } else {
            throw new IllegalArgumentException("unknown step type " + s.getClass().getName());
        }
        return n;
    }

    private static void training(TrainingStep t, ObjectNode a) {
        ObjectNode alg = a.putObject("AlgorithmSpecification");
        alg.set("TrainingImage", t.getTrainingImage().toJson());
        alg.put("TrainingInputMode", t.getTrainingInputMode());
        t.getRoleArn().ifPresent(r -> a.put("RoleArn", r));
        if (!t.getInputs().isEmpty()) {
            ArrayNode in = a.putArray("InputDataConfig");
            for (TrainingChannel c : t.getInputs()) {
                ObjectNode cn = in.addObject();
                cn.put("ChannelName", c.getChannelName());
                ObjectNode s3 = cn.putObject("DataSource").putObject("S3DataSource");
                s3.put("S3DataType", c.getS3DataType());
                s3.set("S3Uri", c.getS3Uri().toJson());
                s3.put("S3DataDistributionType", c.getS3DataDistributionType());
                c.getContentType().ifPresent(x -> cn.put("ContentType", x));
            }
        }
        ObjectNode out = a.putObject("OutputDataConfig");
        t.getOutputS3Path().ifPresent(p -> out.set("S3OutputPath", p.toJson()));
        t.getOutputKmsKeyId().ifPresent(k -> out.put("KmsKeyId", k));
        ObjectNode rc = a.putObject("ResourceConfig");
        rc.set("InstanceType", t.getInstanceType().toJson());
        rc.set("InstanceCount", t.getInstanceCount().toJson());
        rc.put("VolumeSizeInGB", t.getVolumeSizeInGB());
        t.getVolumeKmsKeyId().ifPresent(k -> rc.put("VolumeKmsKeyId", k));
        t.getMaxRuntimeInSeconds().ifPresent(r -> a.putObject("StoppingCondition").put("MaxRuntimeInSeconds", r));
        t.getEnableNetworkIsolation().ifPresent(b -> a.put("EnableNetworkIsolation", b));
        t.getEnableInterContainerTrafficEncryption().ifPresent(b -> a.put("EnableInterContainerTrafficEncryption", b));
        t.getVpcConfig().ifPresent(v -> a.set("VpcConfig", vpc(v)));
        if (!t.getHyperParameters().isEmpty()) {
            ObjectNode hp = a.putObject("HyperParameters");
            t.getHyperParameters().forEach((k, v) -> hp.set(k, v.toJson()));
        }
    }

    private static void processing(ProcessingStep p, ObjectNode a) {
        ObjectNode cc = a.putObject("ProcessingResources").putObject("ClusterConfig");
        cc.set("InstanceType", p.getInstanceType().toJson());
        cc.set("InstanceCount", p.getInstanceCount().toJson());
        cc.put("VolumeSizeInGB", p.getVolumeSizeInGB());
        p.getVolumeKmsKeyId().ifPresent(k -> cc.put("VolumeKmsKeyId", k));
        ObjectNode app = a.putObject("AppSpecification");
        app.set("ImageUri", p.getImageUri().toJson());
        if (!p.getContainerEntrypoint().isEmpty()) {
            ArrayNode e = app.putArray("ContainerEntrypoint");
            p.getContainerEntrypoint().forEach(e::add);
        }
        if (!p.getContainerArguments().isEmpty()) {
            ArrayNode e = app.putArray("ContainerArguments");
            p.getContainerArguments().forEach(e::add);
        }
        p.getRoleArn().ifPresent(r -> a.put("RoleArn", r));
        if (!p.getInputs().isEmpty()) {
            ArrayNode in = a.putArray("ProcessingInputs");
            for (ProcessingInput i : p.getInputs()) {
                ObjectNode n = in.addObject();
                n.put("InputName", i.getInputName());
                n.put("AppManaged", false);
                ObjectNode s3 = n.putObject("S3Input");
                i.getS3Uri().ifPresent(u -> s3.set("S3Uri", u.toJson()));
                s3.put("LocalPath", i.getLocalPath());
                s3.put("S3DataType", i.getS3DataType());
                s3.put("S3InputMode", i.getS3InputMode());
            }
        }
        if (!p.getOutputs().isEmpty() || p.getOutputKmsKeyId().isPresent()) {
            ObjectNode cfg = a.putObject("ProcessingOutputConfig");
            ArrayNode outs = cfg.putArray("Outputs");
            for (ProcessingOutput o : p.getOutputs()) {
                ObjectNode n = outs.addObject();
                n.put("OutputName", o.getOutputName());
                n.put("AppManaged", false);
                ObjectNode s3 = n.putObject("S3Output");
                o.getS3Uri().ifPresent(u -> s3.set("S3Uri", u.toJson()));
                s3.put("LocalPath", o.getLocalPath());
                s3.put("S3UploadMode", o.getS3UploadMode());
            }
            p.getOutputKmsKeyId().ifPresent(k -> cfg.put("KmsKeyId", k));
        }
        if (p.getEnableNetworkIsolation().isPresent() || p.getEnableInterContainerTrafficEncryption().isPresent()
                || p.getVpcConfig().isPresent()) {
            ObjectNode net = a.putObject("NetworkConfig");
            p.getEnableNetworkIsolation().ifPresent(b -> net.put("EnableNetworkIsolation", b));
            p.getEnableInterContainerTrafficEncryption().ifPresent(b -> net.put("EnableInterContainerTrafficEncryption", b));
            p.getVpcConfig().ifPresent(v -> net.set("VpcConfig", vpc(v)));
        }
        p.getMaxRuntimeInSeconds().ifPresent(r -> a.putObject("StoppingCondition").put("MaxRuntimeInSeconds", r));
        if (!p.getEnvironment().isEmpty()) {
            ObjectNode env = a.putObject("Environment");
            p.getEnvironment().forEach(env::put);
        }
    }

    private static void register(RegisterModelStep r, ObjectNode a) {
        a.put("ModelPackageGroupName", r.getModelPackageGroupName());
        ObjectNode spec = a.putObject("InferenceSpecification");
        ObjectNode c = spec.putArray("Containers").addObject();
        c.set("Image", r.getImage().toJson());
        c.set("ModelDataUrl", r.getModelDataUrl().toJson());
        ArrayNode ct = spec.putArray("SupportedContentTypes");
        r.getSupportedContentTypes().forEach(ct::add);
        ArrayNode mt = spec.putArray("SupportedResponseMIMETypes");
        r.getSupportedResponseMimeTypes().forEach(mt::add);
        a.put("ModelApprovalStatus", r.getModelApprovalStatus());
    }

    private static ObjectNode vpc(VpcConfig v) {
        ObjectNode n = NODES.objectNode();
        ArrayNode sg = n.putArray("SecurityGroupIds");
        v.getSecurityGroupIds().forEach(sg::add);
        ArrayNode sn = n.putArray("Subnets");
        v.getSubnets().forEach(sn::add);
        return n;
    }

    // ---------------------------------------------------------------- reading

    static PipelineDefinition read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidArgsException("PipelineDefinition", "not JSON (" + e.getOriginalMessage() + ")",
                    Check.show(json.length() > 60 ? json.substring(0, 60) + "…" : json), "a pipeline definition JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidArgsException("PipelineDefinition", "not a JSON object", Check.show(json), "a pipeline definition JSON object");
        }
        var b = PipelineDefinition.builder();
        if (root.has("Version")) {
            b.version(root.get("Version").asText());
        }
        for (JsonNode p : iter(root.get("Parameters"))) {
            var pb = PipelineParameter.builder().name(text(p, "Name"))
                    .type(PipelineParameter.Type.valueOf(text(p, "Type")));
            JsonNode d = p.get("DefaultValue");
            if (d != null && !d.isNull()) {
                pb.defaultValue(d.isTextual() ? d.asText() : d.isBoolean() ? (Object) d.asBoolean()
                        : d.isIntegralNumber() ? (Object) d.asLong() : (Object) d.asDouble());
            }
            iter(p.get("EnumValues")).forEach(v -> pb.addEnumValues(v.asText()));
            b.addParameters(pb.build());
        }
        for (JsonNode s : iter(root.get("Steps"))) {
            b.addSteps(readStep(s));
        }
        return b.build();
    }

    private static PipelineStep readStep(JsonNode s) {
        String type = text(s, "Type");
        JsonNode a = s.path("Arguments");
        switch (type) {
            case "Training": {
                var b = TrainingStep.builder();
                common(s, b::name, b::addDependsOn, b::displayName, b::description);
                b.trainingImage(value(a.path("AlgorithmSpecification").get("TrainingImage")));
                optText(a.path("AlgorithmSpecification"), "TrainingInputMode").ifPresent(b::trainingInputMode);
                optText(a, "RoleArn").ifPresent(b::roleArn);
                for (JsonNode c : iter(a.get("InputDataConfig"))) {
                    JsonNode s3 = c.path("DataSource").path("S3DataSource");
                    var cb = TrainingChannel.builder().channelName(text(c, "ChannelName")).s3Uri(value(s3.get("S3Uri")));
                    optText(s3, "S3DataType").ifPresent(cb::s3DataType);
                    optText(s3, "S3DataDistributionType").ifPresent(cb::s3DataDistributionType);
                    optText(c, "ContentType").ifPresent(cb::contentType);
                    b.addInputs(cb.build());
                }
                JsonNode out = a.path("OutputDataConfig");
                if (out.has("S3OutputPath")) {
                    b.outputS3Path(value(out.get("S3OutputPath")));
                }
                optText(out, "KmsKeyId").ifPresent(b::outputKmsKeyId);
                JsonNode rc = a.path("ResourceConfig");
                b.instanceType(value(rc.get("InstanceType")));
                if (rc.has("InstanceCount")) {
                    b.instanceCount(value(rc.get("InstanceCount")));
                }
                if (rc.has("VolumeSizeInGB")) {
                    b.volumeSizeInGB(rc.get("VolumeSizeInGB").asLong());
                }
                optText(rc, "VolumeKmsKeyId").ifPresent(b::volumeKmsKeyId);
                if (a.path("StoppingCondition").has("MaxRuntimeInSeconds")) {
                    b.maxRuntimeInSeconds(a.path("StoppingCondition").get("MaxRuntimeInSeconds").asLong());
                }
                if (a.has("EnableNetworkIsolation")) {
                    b.enableNetworkIsolation(a.get("EnableNetworkIsolation").asBoolean());
                }
                if (a.has("EnableInterContainerTrafficEncryption")) {
                    b.enableInterContainerTrafficEncryption(a.get("EnableInterContainerTrafficEncryption").asBoolean());
                }
                if (a.has("VpcConfig")) {
                    b.vpcConfig(readVpc(a.get("VpcConfig")));
                }
                for (Map.Entry<String, JsonNode> e : a.path("HyperParameters").properties()) {
                    b.putHyperParameters(e.getKey(), value(e.getValue()));
                }
                return b.build();
            }
            case "Processing": {
                var b = ProcessingStep.builder();
                common(s, b::name, b::addDependsOn, b::displayName, b::description);
                JsonNode cc = a.path("ProcessingResources").path("ClusterConfig");
                b.instanceType(value(cc.get("InstanceType")));
                if (cc.has("InstanceCount")) {
                    b.instanceCount(value(cc.get("InstanceCount")));
                }
                if (cc.has("VolumeSizeInGB")) {
                    b.volumeSizeInGB(cc.get("VolumeSizeInGB").asLong());
                }
                optText(cc, "VolumeKmsKeyId").ifPresent(b::volumeKmsKeyId);
                JsonNode app = a.path("AppSpecification");
                b.imageUri(value(app.get("ImageUri")));
                iter(app.get("ContainerEntrypoint")).forEach(x -> b.addContainerEntrypoint(x.asText()));
                iter(app.get("ContainerArguments")).forEach(x -> b.addContainerArguments(x.asText()));
                optText(a, "RoleArn").ifPresent(b::roleArn);
                for (JsonNode i : iter(a.get("ProcessingInputs"))) {
                    JsonNode s3 = i.path("S3Input");
                    var ib = ProcessingInput.builder().inputName(text(i, "InputName")).localPath(text(s3, "LocalPath"));
                    if (s3.has("S3Uri")) {
                        ib.s3Uri(value(s3.get("S3Uri")));
                    }
                    optText(s3, "S3DataType").ifPresent(ib::s3DataType);
                    optText(s3, "S3InputMode").ifPresent(ib::s3InputMode);
                    b.addInputs(ib.build());
                }
                JsonNode cfg = a.path("ProcessingOutputConfig");
                for (JsonNode o : iter(cfg.get("Outputs"))) {
                    JsonNode s3 = o.path("S3Output");
                    var ob = ProcessingOutput.builder().outputName(text(o, "OutputName")).localPath(text(s3, "LocalPath"));
                    if (s3.has("S3Uri")) {
                        ob.s3Uri(value(s3.get("S3Uri")));
                    }
                    optText(s3, "S3UploadMode").ifPresent(ob::s3UploadMode);
                    b.addOutputs(ob.build());
                }
                optText(cfg, "KmsKeyId").ifPresent(b::outputKmsKeyId);
                JsonNode net = a.path("NetworkConfig");
                if (net.has("EnableNetworkIsolation")) {
                    b.enableNetworkIsolation(net.get("EnableNetworkIsolation").asBoolean());
                }
                if (net.has("EnableInterContainerTrafficEncryption")) {
                    b.enableInterContainerTrafficEncryption(net.get("EnableInterContainerTrafficEncryption").asBoolean());
                }
                if (net.has("VpcConfig")) {
                    b.vpcConfig(readVpc(net.get("VpcConfig")));
                }
                if (a.path("StoppingCondition").has("MaxRuntimeInSeconds")) {
                    b.maxRuntimeInSeconds(a.path("StoppingCondition").get("MaxRuntimeInSeconds").asLong());
                }
                for (Map.Entry<String, JsonNode> e : a.path("Environment").properties()) {
                    b.putEnvironment(e.getKey(), e.getValue().asText());
                }
                for (JsonNode f : iter(s.get("PropertyFiles"))) {
                    b.addPropertyFiles(PropertyFile.of(text(f, "PropertyFileName"), text(f, "OutputName"), text(f, "FilePath")));
                }
                return b.build();
            }
            case "RegisterModel": {
                var b = RegisterModelStep.builder();
                common(s, b::name, b::addDependsOn, b::displayName, b::description);
                b.modelPackageGroupName(text(a, "ModelPackageGroupName"));
                JsonNode spec = a.path("InferenceSpecification");
                JsonNode c = spec.path("Containers").path(0);
                b.image(value(c.get("Image"))).modelDataUrl(value(c.get("ModelDataUrl")));
                if (spec.has("SupportedContentTypes")) {
                    List<String> l = new ArrayList<>();
                    iter(spec.get("SupportedContentTypes")).forEach(x -> l.add(x.asText()));
                    b.supportedContentTypes(l);
                }
                if (spec.has("SupportedResponseMIMETypes")) {
                    List<String> l = new ArrayList<>();
                    iter(spec.get("SupportedResponseMIMETypes")).forEach(x -> l.add(x.asText()));
                    b.supportedResponseMimeTypes(l);
                }
                optText(a, "ModelApprovalStatus").ifPresent(b::modelApprovalStatus);
                return b.build();
            }
            case "Condition": {
                var b = ConditionStep.builder();
                common(s, b::name, b::addDependsOn, b::displayName, b::description);
                for (JsonNode c : iter(a.get("Conditions"))) {
                    b.addConditions(PipelineCondition.of(PipelineCondition.Type.valueOf(text(c, "Type")),
                            value(c.get("LeftValue")), value(c.get("RightValue"))));
                }
                iter(a.get("IfSteps")).forEach(x -> b.addIfSteps(readStep(x)));
                iter(a.get("ElseSteps")).forEach(x -> b.addElseSteps(readStep(x)));
                return b.build();
            }
            default:
                throw new InvalidArgsException("PipelineDefinition.steps", "unsupported step type", Check.show(type),
                        "Processing, Training, RegisterModel or Condition");
        }
    }

    private static void common(JsonNode s, java.util.function.Consumer<String> name, java.util.function.Consumer<String> dependsOn,
                               java.util.function.Consumer<String> displayName, java.util.function.Consumer<String> description) {
        name.accept(text(s, "Name"));
        iter(s.get("DependsOn")).forEach(d -> dependsOn.accept(d.asText()));
        optText(s, "DisplayName").ifPresent(displayName);
        optText(s, "Description").ifPresent(description);
    }

    private static VpcConfig readVpc(JsonNode v) {
        List<String> sgs = new ArrayList<>();
        iter(v.get("SecurityGroupIds")).forEach(x -> sgs.add(x.asText()));
        List<String> subnets = new ArrayList<>();
        iter(v.get("Subnets")).forEach(x -> subnets.add(x.asText()));
        return VpcConfig.of(sgs, subnets);
    }

    private static PipelineValue value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            throw new InvalidArgsException("PipelineDefinition.steps", "a required value is missing", "nothing", "a value");
        }
        return PipelineValue.fromJson(n);
    }

    private static Iterable<JsonNode> iter(JsonNode n) {
        return n == null || !n.isArray() ? List.of() : n;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidArgsException("PipelineDefinition." + field, "missing or not a string", Check.show(String.valueOf(v)), "a string");
        }
        return v.asText();
    }

    private static Optional<String> optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? Optional.empty() : Optional.of(v.asText());
    }
}
