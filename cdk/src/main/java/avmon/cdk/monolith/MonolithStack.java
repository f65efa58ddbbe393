package avmon.cdk.monolith;

import avmon.cdk.alarm.AlarmsTopic;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Locale;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The monolith on AWS: copies of {@code avmon monitor --detectors ...} over the whole stream list, each keeping
 * its shard's streams and publishing their defects to the stack's topic, from the image
 * {@code docker/monolith/Dockerfile} builds. Either a Fargate service per fixed shard and detector group (one
 * copy each, {@code --shard I/N}), or, with {@code autoscale}, a service per detector group whose copies ECS
 * scales on CPU and which work out their shards from the service's tasks. Public subnets and no NAT gateway: the
 * copies only fetch streams and pull their image, and nothing reaches them from outside.
 */
public final class MonolithStack extends Stack {

    /** The image's build context keeps these files of the repository and nothing else. */
    static final List<String> IMAGE_CONTEXT_EXCLUDES = List.of("*", "!docker/monolith/Dockerfile",
            "!docker/monolith/avmon-ecs-copy", "!cli/target/avmon.jar");

    private final Cluster cluster;

    public MonolithStack(Construct scope, String id, StackProps props, MonolithSettings settings) {
        super(scope, id, props);
        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder().name("public")
                        .subnetType(SubnetType.PUBLIC).cidrMask(24).build()))
                .build();
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs").retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY).build();
        // Rejected connections only: the copies' accepted traffic is their streams, which their own logs show.
        vpc.addFlowLog("Rejected", FlowLogOptions.builder().trafficType(FlowLogTrafficType.REJECT)
                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs)).build());
        this.cluster = Cluster.Builder.create(this, "Cluster").vpc(vpc).build();

        SecurityGroup group = SecurityGroup.Builder.create(this, "CopiesSecurityGroup")
                .vpc(vpc)
                .description("avmon monitor copies: no inbound; outbound to streams (HTTP, HTTPS) and ECR")
                .allowAllOutbound(false)
                .build();
        group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS streams, ECR, CloudWatch Logs, SNS, ECS");
        group.addEgressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP streams");

        LogGroup logs = LogGroup.Builder.create(this, "MonitorLogs").retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY).build();
        AlarmsTopic alarms = new AlarmsTopic(this, "Alarms", settings.alarmEmail());
        ContainerImage image = image(settings);
        RuntimePlatform platform = RuntimePlatform.builder().cpuArchitecture(CpuArchitecture.X86_64)
                .operatingSystemFamily(OperatingSystemFamily.LINUX).build();
        Topic defects = Topic.Builder.create(this, "DefectsTopic").masterKey(alarms.key()).enforceSsl(true).build();
        MonitorService.Shared shared = new MonitorService.Shared(settings, cluster, image, platform, group, logs,
                alarms, defects);
        for (int g = 0; g < settings.detectorGroups().size(); g++) {
            List<String> detectors = settings.detectorGroups().get(g);
            String groupName = settings.detectorGroups().size() > 1 ? "Group" + g : "";
            if (settings.autoscale() != null) {
                String name = getStackName() + "-scaled" + groupName.toLowerCase(Locale.ROOT);
                new MonitorService(this, "Scaled" + groupName, name, settings.autoscale(), detectors, shared);
                continue;
            }
            for (int shard = 0; shard < settings.shardCount(); shard++) {
                new MonitorService(this, "Shard" + shard + groupName, null,
                        new Sharding.Fixed(shard, settings.shardCount()), detectors, shared);
            }
        }
        CfnOutput.Builder.create(this, "DefectsTopicArn").value(defects.getTopicArn())
                .description("Every copy publishes its defects and stream failures here").build();
        CfnOutput.Builder.create(this, "ClusterName").value(cluster.getClusterName()).build();
        CfnOutput.Builder.create(this, "MonitorLogGroup").value(logs.getLogGroupName())
                .description("aws logs tail THIS --follow: every copy's notifications and state changes").build();
        suppressFindings();
    }

    /** The image from docker/monolith (built by `cdk deploy`; synth only stages its context), or a registry's. */
    private ContainerImage image(MonolithSettings settings) {
        if (settings.image() != null) {
            return ContainerImage.fromRegistry(settings.image());
        }
        DockerImageAsset asset = DockerImageAsset.Builder.create(this, "Image")
                .directory(settings.repoRoot().toString())
                .file("docker/monolith/Dockerfile")
                .exclude(IMAGE_CONTEXT_EXCLUDES)
                .ignoreMode(IgnoreMode.DOCKER)
                .platform(Platform.LINUX_AMD64)
                .build();
        return ContainerImage.fromDockerImageAsset(asset);
    }

    private void suppressFindings() {
        NagSuppressions.addResourceSuppressions(cluster, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-ECS4")
                .reason("Container Insights bills custom metrics per task and container; the service's own "
                        + "CPUUtilization and MemoryUtilization (free) drive the alarms, and each copy's status "
                        + "endpoint has per-stream figures.")
                .build()));
    }
}
