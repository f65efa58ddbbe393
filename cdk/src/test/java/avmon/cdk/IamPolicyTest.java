package avmon.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, checked on every identity policy statement of both stacks: no wildcard in an action, no
 * managed policy, {@code "*"} as a resource only for the actions AWS gives no resource-level permission, and
 * any other wildcard only as the tail of an S3 key prefix. Then what each function's role holds, exactly.
 */
class IamPolicyTest {

    /** Actions whose only documented resource is "*". */
    private static final Set<String> NO_RESOURCE_LEVEL = Set.of(
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups", "ecr:GetAuthorizationToken");

    /** An object ARN under a key prefix: {@code <Bucket.Arn>/prefix/*}. */
    private static final Pattern KEY_PREFIX = Pattern.compile("<[A-Za-z0-9]+\\.Arn>/[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*/\\*");

    @Test
    void everyStatement_bothStacks_noWildcardWhereANarrowerOneExists() {
        List<String> problems = new ArrayList<>();
        for (TemplateJson json : List.of(new TemplateJson(SynthesizedApp.get().serverless()),
                new TemplateJson(SynthesizedApp.get().monolith()))) {
            for (Map.Entry<String, JsonNode> statement : identityStatements(json)) {
                problems.addAll(wildcardProblems(statement.getKey(), statement.getValue()));
            }
        }
        assertEquals(List.of(), problems, "statements broader than they need to be");
    }

    @Test
    void roles_bothStacks_noManagedPolicies() {
        for (TemplateJson json : List.of(new TemplateJson(SynthesizedApp.get().serverless()),
                new TemplateJson(SynthesizedApp.get().monolith()))) {
            for (Map.Entry<String, JsonNode> role : json.ofType("AWS::IAM::Role")) {
                assertTrue(role.getValue().path("Properties").path("ManagedPolicyArns").isMissingNode(),
                        role.getKey() + " has no managed policy: " + role.getValue().path("Properties").path("ManagedPolicyArns"));
            }
        }
    }

    @Test
    void wildcardCheck_broadStatements_reportsEach() {
        // The walker must see what it is meant to refuse; otherwise the test above proves nothing.
        JsonNode broadAction = TemplateJson.JSON.valueToTree(Map.of("Effect", "Allow", "Action", "s3:*", "Resource", "arn:aws:s3:::b/k"));
        JsonNode broadResource = TemplateJson.JSON.valueToTree(Map.of("Effect", "Allow", "Action", List.of("s3:GetObject"), "Resource", "*"));
        JsonNode wholeBucket = TemplateJson.JSON.valueToTree(Map.of("Effect", "Allow", "Action", "s3:GetObject",
                "Resource", Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of("Bucket", "Arn")), "/*")))));
        assertEquals(1, wildcardProblems("t", broadAction).size(), "s3:* is refused");
        assertEquals(1, wildcardProblems("t", broadResource).size(), "s3:GetObject on * is refused");
        assertEquals(1, wildcardProblems("t", wholeBucket).size(), "a whole bucket's objects are refused");
    }

    @Test
    void converterRole_defaults_readsSourcesWritesFramesOnly() {
        TemplateJson json = new TemplateJson(SynthesizedApp.get().serverless());
        String bucket = "<" + json.only("AWS::S3::Bucket", "FramesBucket").getKey() + ".Arn>";
        Map<String, Set<String>> grants = grants(json, "ConverterRoleDefaultPolicy");
        assertEquals(Set.of(bucket + "/streams/*"), grants.get("s3:GetObject"), "converter reads sources");
        assertEquals(Set.of(bucket + "/frames/*"), grants.get("s3:PutObject"), "converter writes frames");
        assertEquals(Set.of(bucket), grants.get("s3:ListBucket"), "converter lists (under its prefix only)");
        assertEquals(Set.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "logs:CreateLogStream", "logs:PutLogEvents"),
                grants.keySet(), "converter actions");
    }

    @Test
    void detectorRole_defaults_readsFramesOnly() {
        TemplateJson json = new TemplateJson(SynthesizedApp.get().serverless());
        String bucket = "<" + json.only("AWS::S3::Bucket", "FramesBucket").getKey() + ".Arn>";
        Map<String, Set<String>> grants = grants(json, "DetectorRoleDefaultPolicy");
        assertEquals(Set.of(bucket + "/frames/*"), grants.get("s3:GetObject"), "detector reads frames");
        assertEquals(Set.of("s3:GetObject", "s3:ListBucket", "logs:CreateLogStream", "logs:PutLogEvents"),
                grants.keySet(), "detector actions: nothing written");
    }

    @Test
    void notifierRole_defaults_publishesToDefectsTopicOnly() {
        TemplateJson json = new TemplateJson(SynthesizedApp.get().serverless());
        String topic = "<" + json.only("AWS::SNS::Topic", "DefectsTopic").getKey() + ">";
        String key = "<" + json.only("AWS::KMS::Key", "AlarmsKey").getKey() + ".Arn>";
        Map<String, Set<String>> grants = grants(json, "NotifierRoleDefaultPolicy");
        assertEquals(Set.of(topic), grants.get("sns:Publish"), "notifier publishes to the defects topic");
        assertEquals(Set.of(key), grants.get("kms:GenerateDataKey"), "notifier uses the topic's key");
        assertEquals(Set.of("sns:Publish", "kms:GenerateDataKey", "kms:Decrypt", "logs:CreateLogStream", "logs:PutLogEvents"),
                grants.keySet(), "notifier actions: no S3");
    }

    @Test
    void functionLogs_defaults_eachRoleWritesItsOwnLogGroupOnly() {
        TemplateJson json = new TemplateJson(SynthesizedApp.get().serverless());
        for (String f : List.of("Converter", "Detector", "Notifier")) {
            String group = "<" + json.only("AWS::Logs::LogGroup", f + "Logs").getKey() + ".Arn>";
            assertEquals(Set.of(group), grants(json, f + "RoleDefaultPolicy").get("logs:PutLogEvents"), f + " logs");
        }
    }

    @Test
    void workflowRole_defaults_invokesTheThreeFunctionsAndStartsItself() {
        TemplateJson json = new TemplateJson(SynthesizedApp.get().serverless());
        Map<String, Set<String>> grants = grants(json, "WorkflowRoleDefaultPolicy");
        Set<String> functions = json.ofType("AWS::Lambda::Function").stream().map(e -> "<" + e.getKey() + ".Arn>")
                .collect(Collectors.toSet());
        assertEquals(functions, grants.get("lambda:InvokeFunction"), "invokes exactly the stack's functions");
        String name = json.only("AWS::StepFunctions::StateMachine", "StreamWorkflow").getValue().path("Properties")
                .path("StateMachineName").asText();
        assertEquals(Set.of("arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:" + name),
                grants.get("states:StartExecution"), "starts only its own successor");
    }

    /** Action to flattened resources, over the Allow statements of one policy. */
    private static Map<String, Set<String>> grants(TemplateJson json, String policy) {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        JsonNode document = json.only("AWS::IAM::Policy", policy).getValue().path("Properties").path("PolicyDocument");
        for (JsonNode s : TemplateJson.items(document.path("Statement"))) {
            for (JsonNode a : TemplateJson.items(s.path("Action"))) {
                for (JsonNode r : TemplateJson.items(s.path("Resource"))) {
                    out.computeIfAbsent(a.asText(), k -> new TreeSet<>()).add(flatten(r));
                }
            }
        }
        return out;
    }

    private static List<Map.Entry<String, JsonNode>> identityStatements(TemplateJson json) {
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

    private static List<String> wildcardProblems(String where, JsonNode statement) {
        List<String> problems = new ArrayList<>();
        if (!"Allow".equals(statement.path("Effect").asText())) {
            return problems;
        }
        List<String> actions = TemplateJson.items(statement.path("Action")).stream().map(JsonNode::asText).toList();
        for (String action : actions) {
            if (action.contains("*")) {
                problems.add(where + ": wildcard action " + action);
            }
        }
        for (JsonNode r : TemplateJson.items(statement.path("Resource"))) {
            String resource = flatten(r);
            if (resource.equals("*")) {
                List<String> scoped = actions.stream().filter(a -> !NO_RESOURCE_LEVEL.contains(a)).toList();
                if (!scoped.isEmpty()) {
                    problems.add(where + ": " + scoped + " on * although they take resource-level permissions");
                }
            } else if (resource.contains("*") && !KEY_PREFIX.matcher(resource).matches()) {
                problems.add(where + ": wildcard resource " + resource + " for " + actions);
            }
        }
        assertFalse(statement.has("NotAction") || statement.has("NotResource"), where + ": no NotAction/NotResource");
        return problems;
    }

    /** A resource as text: Fn::Join concatenated, {@code Ref X} as {@code <X>}, {@code GetAtt X.Arn} as {@code <X.Arn>}. */
    static String flatten(JsonNode node) {
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
            StringBuilder out = new StringBuilder();
            for (JsonNode part : node.get("Fn::Join").get(1)) {
                if (out.length() > 0) {
                    out.append(node.get("Fn::Join").get(0).asText());
                }
                out.append(flatten(part));
            }
            return out.toString();
        }
        return node.toString();
    }
}
