package avmon.cdk;

import avmon.cdk.context.ContextValues;
import avmon.cdk.monolith.MonolithSettings;
import avmon.cdk.monolith.MonolithStack;
import avmon.cdk.serverless.ServerlessSettings;
import avmon.cdk.serverless.ServerlessStack;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: {@code AvmonServerless} and {@code AvmonMonolith}, both checked against cdk-nag's AwsSolutions
 * rules at synth. Parameters come from context ({@code -c key=value}); see README, "Deploying to AWS".
 */
public final class AvmonApp {

    public static final String SERVERLESS_STACK = "AvmonServerless";
    public static final String MONOLITH_STACK = "AvmonMonolith";

    private AvmonApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Adds both stacks and the checks to {@code app}. */
    public static Stacks build(App app) {
        ContextValues context = new ContextValues(app.getNode());
        ServerlessSettings serverlessSettings = ServerlessSettings.from(context);
        ServerlessStack serverless = new ServerlessStack(app, SERVERLESS_STACK, props("avmon serverless design: "
                + "Step Functions, Lambda, S3, SNS"), serverlessSettings);
        MonolithStack monolith = new MonolithStack(app, MONOLITH_STACK, props("avmon monolith: ECS Fargate"),
                MonolithSettings.from(context, serverlessSettings.logRetention()));
        Tags.of(app).add("project", "avmon");
        Aspects.of(app).add(new AwsSolutionsChecks());
        return new Stacks(serverless, monolith);
    }

    /** The account and region the CLI is configured for (unset when synthesizing offline: environment-agnostic). */
    private static StackProps props(String description) {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        StackProps.Builder props = StackProps.builder().description(description);
        if (account != null && region != null) {
            props.env(Environment.builder().account(account).region(region).build());
        }
        return props.build();
    }

    /** The two stacks of one app. */
    public record Stacks(ServerlessStack serverless, MonolithStack monolith) {
    }
}
