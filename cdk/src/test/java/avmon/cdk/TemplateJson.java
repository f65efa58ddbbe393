package avmon.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** A synthesized template as a Jackson tree, for walking resources the assertions library cannot express. */
public final class TemplateJson {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode resources;

    public TemplateJson(Template template) {
        this.resources = JSON.valueToTree(template.toJSON()).path("Resources");
    }

    /** The one resource of {@code type} whose logical id starts with {@code prefix}. */
    public Map.Entry<String, JsonNode> only(String type, String prefix) {
        List<Map.Entry<String, JsonNode>> found = ofType(type).stream().filter(e -> e.getKey().startsWith(prefix)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " named " + prefix + "*, found "
                    + found.stream().map(Map.Entry::getKey).toList());
        }
        return found.get(0);
    }

    /** Every resource of {@code type}, by logical id. */
    public List<Map.Entry<String, JsonNode>> ofType(String type) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (type.equals(e.getValue().path("Type").asText())) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@code {"Fn::GetAtt": [logicalId, "Arn"]}}. */
    public static JsonNode arnOf(String logicalId) {
        return JSON.valueToTree(Map.of("Fn::GetAtt", List.of(logicalId, "Arn")));
    }

    /** {@code {"Ref": logicalId}}. */
    public static JsonNode ref(String logicalId) {
        return JSON.valueToTree(Map.of("Ref", logicalId));
    }

    /** A JSON value as a list: an array's items, or the value alone. */
    public static List<JsonNode> items(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode()) {
            out.add(node);
        }
        return out;
    }

    /** A value as text: Fn::Join concatenated, {@code Ref X} as {@code <X>}, {@code GetAtt X.Arn} as {@code <X.Arn>}. */
    public static String flatten(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.has("Ref")) {
            return "<" + node.get("Ref").asText() + ">";
        }
        if (node.has("Fn::GetAtt")) {
            return "<" + node.get("Fn::GetAtt").get(0).asText() + "." + node.get("Fn::GetAtt").get(1).asText() + ">";
        }
        if (node.has("Fn::Join")) {
            String separator = node.get("Fn::Join").get(0).asText();
            List<String> parts = new ArrayList<>();
            node.get("Fn::Join").get(1).forEach(part -> parts.add(flatten(part)));
            return String.join(separator, parts);
        }
        return node.toString();
    }
}
