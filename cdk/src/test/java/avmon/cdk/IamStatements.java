package avmon.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Least privilege over a template's identity policies: no wildcard in an action, {@code "*"} as a resource
 * only for actions AWS gives no resource-level permission (ecs:ListTasks only under an ecs:cluster condition),
 * any other wildcard only as the tail of an S3 key prefix, and no NotAction or NotResource.
 */
public final class IamStatements {

    /** Actions whose only documented resource is "*". */
    static final Set<String> NO_RESOURCE_LEVEL = Set.of(
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups", "ecr:GetAuthorizationToken");

    /** Actions on "*" that are acceptable only with a condition naming the cluster. */
    static final Set<String> CLUSTER_CONDITIONED = Set.of("ecs:ListTasks");

    /** An object ARN under a key prefix: {@code <Bucket.Arn>/prefix/*} or {@code arn:<AWS::Partition>:s3:::bucket/prefix/*}. */
    private static final Pattern KEY_PREFIX = Pattern.compile(
            "(<[A-Za-z0-9]+\\.Arn>|arn:<AWS::Partition>:s3:::[a-z0-9.\\-]+)/[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*/\\*");

    private IamStatements() {
    }

    /** What is broader than it needs to be, one line per finding, over every identity policy of the template. */
    public static List<String> problems(TemplateJson json) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> statement : statements(json)) {
            problems.addAll(problems(statement.getKey(), statement.getValue()));
        }
        return problems;
    }

    /** Every statement of the template's AWS::IAM::Policy resources and roles' inline policies, by owner. */
    public static List<Map.Entry<String, JsonNode>> statements(TemplateJson json) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : json.ofType("AWS::IAM::Policy")) {
            for (JsonNode s : TemplateJson.items(p.getValue().path("Properties").path("PolicyDocument").path("Statement"))) {
                out.add(Map.entry(p.getKey(), s));
            }
        }
        for (Map.Entry<String, JsonNode> r : json.ofType("AWS::IAM::Role")) {
            for (JsonNode inline : TemplateJson.items(r.getValue().path("Properties").path("Policies"))) {
                for (JsonNode s : TemplateJson.items(inline.path("PolicyDocument").path("Statement"))) {
                    out.add(Map.entry(r.getKey(), s));
                }
            }
        }
        return out;
    }

    /** Action to flattened resources, over the Allow statements of one policy (prefix of its logical id). */
    public static Map<String, Set<String>> grants(TemplateJson json, String policy) {
        Map<String, Set<String>> out = new HashMap<>();
        JsonNode document = json.only("AWS::IAM::Policy", policy).getValue().path("Properties").path("PolicyDocument");
        for (JsonNode s : TemplateJson.items(document.path("Statement"))) {
            for (JsonNode a : TemplateJson.items(s.path("Action"))) {
                for (JsonNode r : TemplateJson.items(s.path("Resource"))) {
                    out.computeIfAbsent(a.asText(), k -> new TreeSet<>()).add(TemplateJson.flatten(r));
                }
            }
        }
        return out;
    }

    /** What is wrong with one statement of {@code where}. */
    public static List<String> problems(String where, JsonNode statement) {
        List<String> problems = new ArrayList<>();
        if (statement.has("NotAction") || statement.has("NotResource")) {
            problems.add(where + ": NotAction/NotResource grants everything else");
        }
        if (!"Allow".equals(statement.path("Effect").asText())) {
            return problems;
        }
        List<String> actions = TemplateJson.items(statement.path("Action")).stream().map(JsonNode::asText).toList();
        for (String action : actions) {
            if (action.contains("*")) {
                problems.add(where + ": wildcard action " + action);
            }
        }
        boolean clusterCondition = !statement.path("Condition").path("ArnEquals").path("ecs:cluster").isMissingNode();
        for (JsonNode r : TemplateJson.items(statement.path("Resource"))) {
            String resource = TemplateJson.flatten(r);
            if (resource.equals("*")) {
                List<String> scoped = actions.stream().filter(a -> !NO_RESOURCE_LEVEL.contains(a)
                        && !(CLUSTER_CONDITIONED.contains(a) && clusterCondition)).toList();
                if (!scoped.isEmpty()) {
                    problems.add(where + ": " + scoped + " on * although a narrower resource or condition exists");
                }
            } else if (resource.contains("*") && !KEY_PREFIX.matcher(resource).matches()) {
                problems.add(where + ": wildcard resource " + resource + " for " + actions);
            }
        }
        return problems;
    }
}
