package avmon.cdk.monolith;

import avmon.cdk.alarm.AlarmsTopic;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
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
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * One Fargate service of {@code avmon monitor} copies for one detector group: either one copy with a fixed
 * shard, or copies scaled on CPU that each work out their shard at run time. The copies publish defects to the
 * stack's topic and log to its log group; a container health check asks their status endpoint, and an alarm
 * tells when their CPU stays high.
 */
public final class MonitorService extends Construct {

    /** Average CPU above which the copies have no headroom left for their streams' peaks. */
    static final double CPU_ALARM_PERCENT = 75;
    /**
     * The CPU a scaled service aims for: the measured copies analyse a 720p stream in about 0.05 cores
     * (docs/monolith.md), so 60% leaves room for a copy's share to grow before the next copy starts.
     */
    static final double CPU_TARGET_PERCENT = 60;
    /** Where the image keeps the entry point of a scaled copy. */
    static final String COPY_ENTRY_POINT = "/opt/avmon/avmon-ecs-copy";

    private final FargateService service;

    /**
     * What every monitor service of a stack shares.
     *
     * @param defects the topic the copies publish defects and stream failures to ({@code --notify sns:ARN})
     * @param alarms  the topic the CPU alarm tells, whose key encrypts {@code defects} too
     */
    public record Shared(MonolithSettings settings, Cluster cluster, ContainerImage image, RuntimePlatform platform,
                         ISecurityGroup group, LogGroup logs, AlarmsTopic alarms, Topic defects) {
    }

    /**
     * @param serviceName the service's name (a scaled copy lists its fellow tasks by it), or {@code null} to
     *                    let CloudFormation name it
     * @param detectors   the detectors its copies run; empty for all
     */
    public MonitorService(Construct scope, String id, String serviceName, Sharding sharding, List<String> detectors,
                          Shared shared) {
        super(scope, id);
        MonolithSettings settings = shared.settings();
        if (sharding instanceof Sharding.Scaled && serviceName == null) {
            throw new IllegalArgumentException(id + ": scaled copies find each other by their service's name");
        }
        List<String> entryPoint = sharding instanceof Sharding.Scaled ? List.of(COPY_ENTRY_POINT, serviceName) : null;
        List<String> command = command(sharding, detectors, settings, shared.defects().getTopicArn());
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(settings.cpu())
                .memoryLimitMiB(settings.memoryMb())
                .runtimePlatform(shared.platform())
                .build();
        task.addContainer("Monitor", ContainerDefinitionOptions.builder()
                .image(shared.image())
                .entryPoint(entryPoint)
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
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(shared.logs())
                        .streamPrefix(id.toLowerCase(Locale.ROOT)).build()))
                .build());
        if (task.getExecutionRole() != null) {
            NagSuppressions.addResourceSuppressions(task.getExecutionRole(), List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5").appliesTo(List.of("Resource::*"))
                    .reason("ecr:GetAuthorizationToken, which ECS calls to pull the image, takes no resource-level "
                            + "permissions; the image pull actions themselves are limited to the image's repository.")
                    .build()), true);
        }
        this.service = FargateService.Builder.create(this, "Service")
                .serviceName(serviceName)
                .cluster(shared.cluster())
                .taskDefinition(task)
                .desiredCount(sharding instanceof Sharding.Scaled scaled ? scaled.min() : 1)
                .assignPublicIp(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroups(List.of(shared.group()))
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .build();
        if (sharding instanceof Sharding.Scaled scaled) {
            scaleOnCpu(scaled, task, shared.cluster());
        }
        allowPublishing(task, shared.defects(), shared.alarms().key());
        if (settings.sources() != null) {
            allowReading(task, settings.sources());
        }
        Alarm.Builder.create(this, "CpuHigh")
                .metric(service.metricCpuUtilization(MetricOptions.builder().period(Duration.minutes(5))
                        .statistic("Average").build()))
                .threshold(CPU_ALARM_PERCENT)
                .evaluationPeriods(3)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(id + ": CPU above " + CPU_ALARM_PERCENT + "% for 15 minutes; "
                        + (sharding instanceof Sharding.Scaled ? "at its most copies, raise the maximum" : "raise shardCount"))
                .build()
                .addAlarmAction(shared.alarms().action());
    }

    /**
     * The monitor checks the topic once at start (GetTopicAttributes), then publishes; SNS encrypts each message
     * with a data key it asks KMS for on the publisher's behalf.
     */
    private static void allowPublishing(FargateTaskDefinition task, Topic defects, IKey key) {
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("sns:GetTopicAttributes", "sns:Publish"))
                .resources(List.of(defects.getTopicArn()))
                .build());
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of(key.getKeyArn()))
                .build());
    }

    /**
     * s3:// streams: their playlists and segments under the sources prefix. ListBucket on the bucket makes a
     * missing key a 404, which the monitor reports as a missing playlist instead of a refused one.
     */
    private static void allowReading(FargateTaskDefinition task, MonolithSettings.S3Sources sources) {
        String bucketArn = "arn:" + Aws.PARTITION + ":s3:::" + sources.bucket();
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucketArn + "/" + sources.prefix() + "*"))
                .build());
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucketArn))
                .build());
        NagSuppressions.addResourceSuppressions(task.getTaskRole(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .appliesTo(List.of("Resource::arn:<AWS::Partition>:s3:::" + sources.bucket() + "/" + sources.prefix() + "*"))
                .reason("The copies read the playlists and segments of s3:// streams under the sources prefix; "
                        + "their keys are chosen when streams are uploaded, after deployment.")
                .build()), true);
    }

    /** Target tracking on the service's CPU; each copy may list its own service's tasks to find its shard. */
    private void scaleOnCpu(Sharding.Scaled scaled, FargateTaskDefinition task, Cluster cluster) {
        service.autoScaleTaskCount(EnableScalingProps.builder().minCapacity(scaled.min()).maxCapacity(scaled.max()).build())
                .scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(CPU_TARGET_PERCENT)
                        // Every change of the copies moves streams between them: scale in slowly.
                        .scaleOutCooldown(Duration.minutes(2))
                        .scaleInCooldown(Duration.minutes(10))
                        .build());
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecs:ListTasks"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", cluster.getClusterArn())))
                .build());
        NagSuppressions.addResourceSuppressions(task.getTaskRole(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5").appliesTo(List.of("Resource::*"))
                .reason("ecs:ListTasks names no resource of its own; the ecs:cluster condition limits it to this "
                        + "stack's cluster, where a copy lists its fellow copies to find its shard.")
                .build()), true);
    }

    /** The monitor's arguments: after the image's entry point ({@code monitor ...}) or the scaled copy's. */
    static List<String> command(Sharding sharding, List<String> detectors, MonolithSettings settings, String topicArn) {
        List<String> args = new ArrayList<>();
        if (sharding instanceof Sharding.Fixed fixed) {
            args.add("monitor");
        }
        args.addAll(List.of("--plain", "--status-port", Integer.toString(MonolithSettings.STATUS_PORT),
                "--status-host", "0.0.0.0", "--workers", Integer.toString(settings.workers()),
                "--notify", "sns:" + topicArn));
        if (sharding instanceof Sharding.Fixed fixed) {
            args.add("--shard");
            args.add(fixed.index() + "/" + fixed.count());
        }
        if (!detectors.isEmpty()) {
            args.add("--detectors");
            args.add(String.join(",", detectors));
        }
        args.addAll(settings.streams());
        return List.copyOf(args);
    }
}
