package io.github.mlinfra.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jackson codec between {@link PolicyDocument} and the AWS policy grammar. */
final class PolicyJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> DOC_KEYS = List.of("Version", "Id", "Statement");
    private static final List<String> STMT_KEYS = List.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");

    private PolicyJson() {}

    static ObjectNode tree(PolicyDocument doc) {
        ObjectNode root = NODES.objectNode();
        root.put("Version", doc.getVersion());
        doc.getId().ifPresent(id -> root.put("Id", id));
        ArrayNode statements = root.putArray("Statement");
        for (Statement s : doc.getStatements()) {
            ObjectNode n = statements.addObject();
            s.getSid().ifPresent(sid -> n.put("Sid", sid));
            n.put("Effect", s.getEffect().name());
            s.getPrincipal().ifPresent(p -> n.set("Principal", principal(p)));
            s.getNotPrincipal().ifPresent(p -> n.set("NotPrincipal", principal(p)));
            stringOrArray(n, "Action", s.getActions());
            stringOrArray(n, "NotAction", s.getNotActions());
            stringOrArray(n, "Resource", s.getResources());
            stringOrArray(n, "NotResource", s.getNotResources());
            if (!s.getConditions().isEmpty()) {
                ObjectNode cond = n.putObject("Condition");
                for (Condition c : s.getConditions()) {
                    ObjectNode byKey = cond.has(c.getOperator())
                            ? (ObjectNode) cond.get(c.getOperator()) : cond.putObject(c.getOperator());
                    if (byKey.has(c.getKey())) {
                        throw new InvalidArgsException("Statement.conditions", "the same operator and key appear twice",
                                Check.show(c.getOperator() + " " + c.getKey()), "one condition per operator and key (list the values in it)");
                    }
                    stringOrArray(byKey, c.getKey(), c.getValues());
                }
            }
        }
        return root;
    }

    private static JsonNode principal(Principal p) {
        if (p.isAnyone()) {
            return NODES.textNode("*");
        }
        ObjectNode n = NODES.objectNode();
        p.getIdentifiers().forEach((type, ids) -> stringOrArray(n, type, ids));
        return n;
    }

    private static void stringOrArray(ObjectNode parent, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        if (values.size() == 1) {
            parent.put(key, values.get(0));
        } else {
            ArrayNode a = parent.putArray(key);
            values.forEach(a::add);
        }
    }

    static PolicyDocument read(String json) {
        JsonNode root = JsonText.parse(json, "PolicyDocument", Check.show(abbreviate(json)), "a JSON policy document");
        if (root == null || !root.isObject()) {
            throw new InvalidArgsException("PolicyDocument", "not a JSON object", Check.show(abbreviate(json)),
                    "{\"Version\": \"2012-10-17\", \"Statement\": [...]}");
        }
        unknownKeys("PolicyDocument", root, DOC_KEYS);
        PolicyDocument.Builder b = PolicyDocument.builder();
        if (root.has("Version")) {
            b.version(text("PolicyDocument.version", root.get("Version")));
        }
        if (root.has("Id")) {
            b.id(text("PolicyDocument.id", root.get("Id")));
        }
        JsonNode st = root.get("Statement");
        if (st == null) {
            throw new InvalidArgsException("PolicyDocument.statements", "missing", "nothing", "a Statement array or object");
        }
        if (st.isObject()) {
            b.addStatements(statement(st, 0));
        } else if (st.isArray()) {
            for (int i = 0; i < st.size(); i++) {
                b.addStatements(statement(st.get(i), i));
            }
        } else {
            throw new InvalidArgsException("PolicyDocument.statements", "not an array or object", Check.show(st.toString()),
                    "a Statement array or object");
        }
        return b.build();
    }

    private static Statement statement(JsonNode n, int index) {
        String where = "PolicyDocument.statements[" + index + "]";
        if (!n.isObject()) {
            throw new InvalidArgsException(where, "not an object", Check.show(n.toString()), "a statement object");
        }
        unknownKeys(where, n, STMT_KEYS);
        Statement.Builder b = Statement.builder().wildcardsAllowed(true);
        if (n.has("Sid")) {
            b.sid(text(where + ".sid", n.get("Sid")));
        }
        String effect = n.has("Effect") ? text(where + ".effect", n.get("Effect")) : null;
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw new InvalidArgsException(where + ".effect", "unknown effect", Check.show(effect), "\"Allow\" or \"Deny\"");
        }
        b.effect(Effect.valueOf(effect));
        if (n.has("Principal")) {
            b.principal(principal(where + ".principal", n.get("Principal")));
        }
        if (n.has("NotPrincipal")) {
            b.notPrincipal(principal(where + ".notPrincipal", n.get("NotPrincipal")));
        }
        b.addAllActions(strings(where + ".actions", n.get("Action")));
        b.addAllNotActions(strings(where + ".notActions", n.get("NotAction")));
        b.addAllResources(strings(where + ".resources", n.get("Resource")));
        b.addAllNotResources(strings(where + ".notResources", n.get("NotResource")));
        JsonNode cond = n.get("Condition");
        if (cond != null) {
            if (!cond.isObject()) {
                throw new InvalidArgsException(where + ".conditions", "not an object", Check.show(cond.toString()),
                        "{\"<operator>\": {\"<key>\": value(s)}}");
            }
            for (Map.Entry<String, JsonNode> op : cond.properties()) {
                if (!op.getValue().isObject()) {
                    throw new InvalidArgsException(where + ".conditions." + op.getKey(), "not an object",
                            Check.show(op.getValue().toString()), "{\"<key>\": value(s)}");
                }
                for (Map.Entry<String, JsonNode> k : op.getValue().properties()) {
                    b.addConditions(Condition.of(op.getKey(), k.getKey(),
                            strings(where + ".conditions." + op.getKey() + "." + k.getKey(), k.getValue())));
                }
            }
        }
        return b.build();
    }

    private static Principal principal(String where, JsonNode n) {
        if (n.isTextual() && n.asText().equals("*")) {
            return Principal.anyone();
        }
        if (!n.isObject()) {
            throw new InvalidArgsException(where, "not \"*\" or an object", Check.show(n.toString()),
                    "\"*\" or {\"AWS\"|\"Service\"|\"Federated\"|\"CanonicalUser\": id(s)}");
        }
        Map<String, List<String>> ids = new LinkedHashMap<>();
        n.properties().forEach(e -> ids.put(e.getKey(), strings(where + "." + e.getKey(), e.getValue())));
        return Principal.builder().putAllIdentifiers(ids).build();
    }

    private static List<String> strings(String where, JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                out.add(scalar(where, e));
            }
        } else {
            out.add(scalar(where, n));
        }
        return out;
    }

    private static String scalar(String where, JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean() || n.isNumber()) {
            return n.asText();
        }
        throw new InvalidArgsException(where, "not a string", Check.show(n.toString()), "a string or an array of strings");
    }

    private static String text(String where, JsonNode n) {
        if (!n.isTextual()) {
            throw new InvalidArgsException(where, "not a string", Check.show(n.toString()), "a string");
        }
        return n.asText();
    }

    private static void unknownKeys(String where, JsonNode n, List<String> allowed) {
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw new InvalidArgsException(where, "unknown element " + k, Check.show(k), "one of " + allowed);
            }
        });
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
