package avmon.cdk.monolith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cdk.SynthesizedApp;
import avmon.cdk.TemplateJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The monolith stack as synthesized with the default context: one copy, every detector, the demo stream. */
class MonolithStackTest {

    private static Template template;
    private static TemplateJson json;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedApp.get().monolith();
        json = new TemplateJson(template);
    }

    @Test
    void service_defaults_oneFargateCopyWithPublicIpAndRollback() {
        JsonNode service = json.only("AWS::ECS::Service", "Shard0Service").getValue().path("Properties");
        assertEquals("FARGATE", service.path("LaunchType").asText(), "launch type");
        assertEquals(1, service.path("DesiredCount").asInt(), "one copy per shard");
        assertEquals("ENABLED", service.path("NetworkConfiguration").path("AwsvpcConfiguration").path("AssignPublicIp").asText(),
                "public IP (no NAT gateway)");
        JsonNode breaker = service.path("DeploymentConfiguration").path("DeploymentCircuitBreaker");
        assertTrue(breaker.path("Enable").asBoolean() && breaker.path("Rollback").asBoolean(),
                "a deployment whose copies never turn healthy rolls back: " + breaker);
    }

    @Test
    void container_defaults_monitorsEveryStreamOnShardZeroWithHealthCheckAndLogs() {
        JsonNode task = json.only("AWS::ECS::TaskDefinition", "Shard0Task").getValue().path("Properties");
        assertEquals("1024", task.path("Cpu").asText(), "1 vCPU");
        assertEquals("2048", task.path("Memory").asText(), "2 GB");
        JsonNode container = task.path("ContainerDefinitions").path(0);
        String topic = json.only("AWS::SNS::Topic", "DefectsTopic").getKey();
        assertEquals(List.of("monitor", "--plain", "--status-port", "8080", "--status-host", "0.0.0.0", "--workers", "16",
                "--notify", "sns:<" + topic + ">", "--shard", "0/1", MonolithSettings.DEMO_STREAM),
                texts(container.path("Command")), "command: every stream, shard 0 of 1, defects to the stack's topic");
        assertTrue(container.path("EntryPoint").isMissingNode(), "the image's entry point (java -jar avmon.jar)");
        assertEquals(List.of("CMD-SHELL", "curl -fsS http://localhost:8080/health || exit 1"),
                texts(container.path("HealthCheck").path("Command")), "health check asks the status endpoint");
        assertEquals("awslogs", container.path("LogConfiguration").path("LogDriver").asText(), "log driver");
        assertEquals(TemplateJson.ref(json.only("AWS::Logs::LogGroup", "MonitorLogs").getKey()),
                container.path("LogConfiguration").path("Options").path("awslogs-group"), "logs to the monitor log group");
        assertEquals(14, json.only("AWS::Logs::LogGroup", "MonitorLogs").getValue().path("Properties")
                .path("RetentionInDays").asInt(), "log retention");
    }

    @Test
    void image_defaults_builtFromDockerfileInRepository() {
        JsonNode image = json.only("AWS::ECS::TaskDefinition", "Shard0Task").getValue().path("Properties")
                .path("ContainerDefinitions").path(0).path("Image");
        assertTrue(image.path("Fn::Sub").asText().contains("container-assets"),
                "the image is the stack's Docker asset (staged at synth, built by cdk deploy): " + image);
    }

    @Test
    void securityGroup_defaults_noInboundOutboundHttpAndHttpsOnly() {
        JsonNode group = json.only("AWS::EC2::SecurityGroup", "CopiesSecurityGroup").getValue().path("Properties");
        assertTrue(group.path("SecurityGroupIngress").isMissingNode(), "nothing reaches the copies: " + group);
        List<Integer> ports = TemplateJson.items(group.path("SecurityGroupEgress")).stream()
                .map(e -> e.path("FromPort").asInt()).sorted().toList();
        assertEquals(List.of(80, 443), ports, "outbound ports");
    }

    @Test
    void cpuAlarm_defaults_onTheServiceTellsTheAlarmsTopic() {
        JsonNode alarm = json.only("AWS::CloudWatch::Alarm", "Shard0CpuHigh").getValue().path("Properties");
        assertEquals("CPUUtilization", alarm.path("MetricName").asText(), "metric");
        assertEquals("AWS/ECS", alarm.path("Namespace").asText(), "namespace");
        assertEquals(MonitorService.CPU_ALARM_PERCENT, alarm.path("Threshold").asDouble(), "threshold");
        assertEquals(List.of(TemplateJson.ref(json.only("AWS::SNS::Topic", "AlarmsTopic").getKey())),
                TemplateJson.items(alarm.path("AlarmActions")), "action");
    }

    @Test
    void taskRole_defaults_publishesToTheStacksDefectsTopicOnly() {
        String topic = "<" + json.only("AWS::SNS::Topic", "DefectsTopic").getKey() + ">";
        JsonNode statements = json.only("AWS::IAM::Policy", "Shard0TaskTaskRoleDefaultPolicy").getValue()
                .path("Properties").path("PolicyDocument").path("Statement");
        List<String> grants = TemplateJson.items(statements).stream()
                .flatMap(s -> TemplateJson.items(s.path("Action")).stream().flatMap(a -> TemplateJson.items(s.path("Resource"))
                        .stream().map(r -> a.asText() + " " + TemplateJson.flatten(r))))
                .sorted().toList();
        String key = "<" + json.only("AWS::KMS::Key", "AlarmsKey").getKey() + ".Arn>";
        assertEquals(List.of("kms:Decrypt " + key, "kms:GenerateDataKey " + key, "sns:GetTopicAttributes " + topic,
                "sns:Publish " + topic), grants, "what a copy may do besides logging");
    }

    @Test
    void vpc_defaults_publicSubnetsOnlyWithRejectedTrafficFlowLog() {
        assertEquals(0, json.ofType("AWS::EC2::NatGateway").size(), "no NAT gateway (it would bill by the hour)");
        template.hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "REJECT"));
    }

    private static List<String> texts(JsonNode array) {
        return TemplateJson.items(array).stream().map(TemplateJson::flatten).toList();
    }
}
