package io.github.mlinfra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.plan.PlanEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static PolicyDocument tlsOnly(String arn) {
        return PolicyDocument.of(Statement.builder()
                .sid("DenyInsecureTransport")
                .effect(Effect.Deny)
                .principal(Principal.anyone())
                .addActions("s3:*")
                .addResources(arn, arn + "/*")
                .addConditions(Condition.of("Bool", "aws:SecureTransport", "false"))
                .build(), Statement.builder()
                .sid("DenyOldTls")
                .effect(Effect.Deny)
                .principal(Principal.anyone())
                .addActions("s3:*")
                .addResources(arn, arn + "/*")
                .addConditions(Condition.of("NumericLessThan", "s3:TlsVersion", "1.2"))
                .build());
    }

    static String golden(String name) throws IOException {
        try (InputStream in = PolicyDocumentTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void serializesToTheExactAwsGrammar() throws IOException {
        String json = tlsOnly("arn:aws:s3:::ckpt").toJson();
        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree(golden("tls-only-policy.json")));
        assertThat(json).startsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\"");
    }

    @Test
    void rendersEveryGrammarElement() throws IOException {
        var doc = PolicyDocument.builder()
                .id("all-elements")
                .addStatements(Statement.builder()
                        .sid("One")
                        .effect(Effect.Allow)
                        .principal(Principal.builder()
                                .putIdentifiers("AWS", List.of("arn:aws:iam::123456789012:root"))
                                .putIdentifiers("Service", List.of("sagemaker.amazonaws.com", "ec2.amazonaws.com"))
                                .putIdentifiers("Federated", List.of("cognito-identity.amazonaws.com"))
                                .build())
                        .addActions("s3:GetObject")
                        .addResources("arn:aws:s3:::b/*")
                        .addConditions(Condition.of("StringEquals", "aws:SourceAccount", "123456789012"),
                                Condition.of("StringEquals", "aws:PrincipalOrgID", "o-1"),
                                Condition.of("ForAnyValue:StringLike", "aws:TagKeys", "team*", "env*"),
                                Condition.of("ArnLikeIfExists", "aws:SourceArn", "arn:aws:sagemaker:*:123456789012:*"))
                        .build())
                .addStatements(Statement.builder()
                        .effect(Effect.Deny)
                        .notPrincipal(Principal.aws("arn:aws:iam::123456789012:role/admin"))
                        .addNotActions("s3:GetObject")
                        .addNotResources("arn:aws:s3:::b/public/*")
                        .build())
                .build();
        JsonNode tree = JSON.readTree(doc.toJson());
        assertThat(tree).isEqualTo(JSON.readTree(golden("all-elements.json")));
        assertThat(PolicyDocument.parse(doc.toJson())).isEqualTo(doc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-002-key-policy.json", "all-elements.json", "tls-only-policy.json", "foreign-mixed-forms.json"})
    void roundTripsPoliciesIncludingOnesWeDidNotWrite(String file) throws IOException {
        String original = golden(file);
        PolicyDocument doc = PolicyDocument.parse(original);
        PolicyDocument again = PolicyDocument.parse(doc.toJson());
        assertThat(again).isEqualTo(doc);
        assertThat(normalized(JSON.readTree(doc.toJson()))).isEqualTo(normalized(JSON.readTree(original)));
    }

    /** Single-element arrays and bare strings mean the same to IAM; compare with arrays everywhere. */
    private static JsonNode normalized(JsonNode n) {
        if (n.isObject()) {
            var o = JSON.createObjectNode();
            n.properties().forEach(e -> {
                JsonNode v = normalized(e.getValue());
                boolean listy = List.of("Action", "NotAction", "Resource", "NotResource", "AWS", "Service", "Federated").contains(e.getKey())
                        || n.size() > 0 && v.isValueNode() && !List.of("Version", "Id", "Sid", "Effect", "Principal").contains(e.getKey());
                if (e.getKey().equals("Statement") && v.isObject()) {
                    var a = JSON.createArrayNode();
                    a.add(v);
                    v = a;
                }
                if (listy && !v.isArray() && !v.isObject()) {
                    var a = JSON.createArrayNode();
                    a.add(v.asText());
                    v = a;
                }
                o.set(e.getKey(), v);
            });
            return o;
        }
        if (n.isArray()) {
            var a = JSON.createArrayNode();
            n.forEach(x -> a.add(normalized(x)));
            return a;
        }
        return n.isValueNode() ? JSON.getNodeFactory().textNode(n.asText()) : n;
    }

    @Test
    void validatesOnBuildWithClearMessages() {
        assertThatThrownBy(() -> Statement.builder().effect(Effect.Allow).addActions("s3GetObject").addResources("*").build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("Statement.actions: malformed; got \"s3GetObject\"; expected \"service:Action\"");
        assertThatThrownBy(() -> Statement.builder().effect(Effect.Allow).addActions("s3:*").addResources("arn:aws:s3:::b").build())
                .hasMessageStartingWith("Statement.actions: wildcard action in an Allow statement; got \"s3:*\"");
        assertThatThrownBy(() -> Statement.builder().effect(Effect.Allow).addActions("s3:GetObject").addResources("*").build())
                .hasMessageStartingWith("Statement.resources: Resource \"*\" in an Allow statement");
        assertThat(Statement.builder().effect(Effect.Allow).addActions("s3:Get*").addResources("*").wildcardsAllowed(true).build()
                .getActions()).containsExactly("s3:Get*");
        assertThat(Statement.builder().effect(Effect.Deny).addActions("*").addResources("*").build().getEffect()).isEqualTo(Effect.Deny);
        assertThatThrownBy(() -> Statement.builder().effect(Effect.Allow).addActions("s3:GetObject").addResources("bucket/key").build())
                .hasMessageStartingWith("Statement.resources: malformed; got \"bucket/key\"");
        assertThatThrownBy(() -> Statement.builder().effect(Effect.Allow).addResources("arn:aws:s3:::b").build())
                .hasMessageStartingWith("Statement.actions: exactly one of Action and NotAction must be given; got \"neither\"");
        assertThatThrownBy(() -> Condition.of("StringEqualz", "aws:SourceAccount", "1"))
                .hasMessageStartingWith("Condition.operator: unknown condition operator; got \"StringEqualz\"");
        assertThatThrownBy(() -> Condition.of("NullIfExists", "aws:x", "true"))
                .hasMessageStartingWith("Condition.operator: unknown condition operator");
        assertThat(Condition.isKnownOperator("ForAllValues:StringNotEqualsIgnoreCaseIfExists")).isTrue();
        assertThatThrownBy(() -> Condition.of("Bool", "aws:SecureTransport"))
                .hasMessageStartingWith("Condition.values: no value given for aws:SecureTransport");
        assertThatThrownBy(() -> PolicyDocument.builder().build())
                .hasMessageStartingWith("PolicyDocument.statements: a policy needs at least one statement");
        var s = Statement.builder().sid("Same").effect(Effect.Deny).addActions("s3:*").addResources("*").build();
        assertThatThrownBy(() -> PolicyDocument.of(s, s))
                .hasMessage("PolicyDocument.statements: duplicate Sid; got \"Same\"; expected unique Sids");
        assertThatThrownBy(() -> Principal.of("Robot", List.of("x")))
                .hasMessageStartingWith("Principal.type: unknown principal type; got \"Robot\"");
        assertThatThrownBy(() -> Statement.builder().effect(Effect.Deny).principal(Principal.anyone())
                .notPrincipal(Principal.anyone()).addActions("s3:*").build())
                .hasMessageStartingWith("Statement.notPrincipal: Principal and NotPrincipal are exclusive");
    }

    @Test
    void parseRejectsWhatIsNotAPolicy() {
        assertThatThrownBy(() -> PolicyDocument.parse("not json")).hasMessage("PolicyDocument: not JSON (Unrecognized token 'not': "
                + "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')); got \"not json\"; "
                + "expected a JSON policy document");
        assertThatThrownBy(() -> PolicyDocument.parse("[]")).hasMessageStartingWith("PolicyDocument: not a JSON object");
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Version\":\"2012-10-17\"}"))
                .hasMessageStartingWith("PolicyDocument.statements: missing");
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"s3:*\"}]}"))
                .hasMessageStartingWith("PolicyDocument.statements[0].effect: unknown effect; got \"Maybe\"");
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Bogus\":1}]}"))
                .hasMessageStartingWith("PolicyDocument.statements[0]: unknown element Bogus");
    }

    @Test
    void rendersOutputArnsWithoutAnInvoke() {
        var plan = PlanEngine.plan(ctx -> ctx.export("policy",
                PolicyDocument.toJson(Output.of("arn:aws:s3:::late").applyValue(PolicyDocumentTest::tlsOnly))));
        assertThat(PolicyDocument.parse((String) plan.getOutputs().get("policy"))).isEqualTo(tlsOnly("arn:aws:s3:::late"));
    }
}
