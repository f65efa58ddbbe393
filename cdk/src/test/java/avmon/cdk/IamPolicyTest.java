package avmon.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, checked on every identity policy statement of both stacks ({@link IamStatements}), no managed
 * policy on any role, and then what each function's role holds, exactly.
 */
class IamPolicyTest {

    @Test
    void everyStatement_bothStacks_noWildcardWhereANarrowerOneExists() {
        assertEquals(List.of(), IamStatements.problems(new TemplateJson(SynthesizedApp.get().serverless())),
                "serverless statements broader than they need to be");
        assertEquals(List.of(), IamStatements.problems(new TemplateJson(SynthesizedApp.get().monolith())),
                "monolith statements broader than they need to be");
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
        assertEquals(1, problems(Map.of("Effect", "Allow", "Action", "s3:*", "Resource", "arn:aws:s3:::b/k")).size(),
                "s3:* is refused");
        assertEquals(1, problems(Map.of("Effect", "Allow", "Action", List.of("s3:GetObject"), "Resource", "*")).size(),
                "s3:GetObject on * is refused");
        assertEquals(1, problems(Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource",
                Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of("Bucket", "Arn")), "/*")))))
                .size(), "a whole bucket's objects are refused");
        assertEquals(1, problems(Map.of("Effect", "Allow", "Action", "ecs:ListTasks", "Resource", "*")).size(),
                "ecs:ListTasks without the cluster condition is refused");
        assertEquals(1, problems(Map.of("Effect", "Allow", "NotAction", "iam:*", "Resource", "arn:aws:s3:::b")).size(),
                "NotAction is refused");
        assertEquals(List.of(), problems(Map.of("Effect", "Allow", "Action", "ecs:ListTasks", "Resource", "*",
                "Condition", Map.of("ArnEquals", Map.of("ecs:cluster", "arn:aws:ecs:us-east-1:1:cluster/c")))),
                "ecs:ListTasks limited to a cluster is accepted");
    }

    private static List<String> problems(Map<String, Object> statement) {
        return IamStatements.problems("test", TemplateJson.JSON.valueToTree(statement));
    }

    @Test
    void converterRole_defaults_readsSourcesWritesFramesOnly() {
        TemplateJson json = new TemplateJson(SynthesizedApp.get().serverless());
        String bucket = "<" + json.only("AWS::S3::Bucket", "FramesBucket").getKey() + ".Arn>";
        Map<String, Set<String>> grants = grants(json, "ConverterRoleDefaultPolicy");
        assertEquals(Set.of(bucket + "/streams/*"), grants.get("s3:GetObject"), "converter reads sources");
        assertEquals(Set.of(bucket + "/frames/*"), grants.get("s3:PutObject"), "converter writes frames");
        assertEquals(Set.of(bucket), grants.get("s3:ListBucket"), "converter lists the bucket's key names (a missing key is then a 404)");
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

    private static Map<String, Set<String>> grants(TemplateJson json, String policy) {
        return IamStatements.grants(json, policy);
    }
}
