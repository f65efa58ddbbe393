package avmon.cdk.monolith;

import avmon.cdk.alarm.AlarmsTopic;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One copy of the monolith: a Fargate service running one task of {@code avmon monitor} for one shard and one
 * detector group, with a container health check on its status endpoint, its logs in the stack's log group,
 * and an alarm when its CPU stays high.
 */
public final class ShardService extends Construct {

    /** Average CPU above which a copy has no headroom left for its streams' peaks. */
    static final double CPU_ALARM_PERCENT = 75;

    private final FargateService service;
    private final List<String> command;

    /**
     * Which share of the work a copy does.
     *
     * @param shard     its shard, from 0
     * @param count     how many shards
     * @param detectors the detectors it runs; empty for all
     */
    public record Copy(int shard, int count, List<String> detectors) {
    }

    public ShardService(Construct scope, String id, Copy copy, MonolithSettings settings, Cluster cluster,
                        ContainerImage image, RuntimePlatform platform, ISecurityGroup group, LogGroup logs,
                        AlarmsTopic alarms) {
        super(scope, id);
        this.command = command(copy, settings);
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(settings.cpu())
                .memoryLimitMiB(settings.memoryMb())
                .runtimePlatform(platform)
                .build();
        task.addContainer("Monitor", ContainerDefinitionOptions.builder()
                .image(image)
                .command(command)
                .essential(true)
                .portMappings(List.of(PortMapping.builder().containerPort(MonolithSettings.STATUS_PORT).build()))
                // /health answers 200 while the process runs; the first minute unpacks FFmpeg's natives.
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "curl -fsS http://localhost:" + MonolithSettings.STATUS_PORT
                                + "/health || exit 1"))
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .retries(3)
                        .startPeriod(Duration.seconds(60))
                        .build())
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs)
                        .streamPrefix(id.toLowerCase(java.util.Locale.ROOT)).build()))
                .build());
        if (task.getExecutionRole() != null) {
            NagSuppressions.addResourceSuppressions(task.getExecutionRole(), List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5").appliesTo(List.of("Resource::*"))
                    .reason("ecr:GetAuthorizationToken, which ECS calls to pull the image, takes no resource-level "
                            + "permissions; the image pull actions themselves are limited to the image's repository.")
                    .build()), true);
        }
        this.service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task)
                // One task: a second copy of the same shard would monitor the same streams twice.
                .desiredCount(1)
                .assignPublicIp(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroups(List.of(group))
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .build();
        Alarm.Builder.create(this, "CpuHigh")
                .metric(service.metricCpuUtilization(MetricOptions.builder().period(Duration.minutes(5))
                        .statistic("Average").build()))
                .threshold(CPU_ALARM_PERCENT)
                .evaluationPeriods(3)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(id + ": CPU above " + CPU_ALARM_PERCENT + "% for 15 minutes; raise shardCount")
                .build()
                .addAlarmAction(alarms.action());
    }

    /** {@code monitor --plain --status-port ... --shard I/N [--detectors a,b] STREAM...}, the image's arguments. */
    static List<String> command(Copy copy, MonolithSettings settings) {
        List<String> args = new ArrayList<>(List.of("monitor", "--plain",
                "--status-port", Integer.toString(MonolithSettings.STATUS_PORT), "--status-host", "0.0.0.0",
                "--workers", Integer.toString(settings.workers()),
                "--shard", copy.shard() + "/" + copy.count()));
        if (!copy.detectors().isEmpty()) {
            args.add("--detectors");
            args.add(String.join(",", copy.detectors()));
        }
        args.addAll(settings.streams());
        return List.copyOf(args);
    }

    public FargateService service() {
        return service;
    }

    /** The arguments this copy runs with. */
    public List<String> command() {
        return command;
    }
}
