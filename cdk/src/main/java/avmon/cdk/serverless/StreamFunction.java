package avmon.cdk.serverless;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One of the pipeline's functions with a role and a log group of its own. The role starts empty: no managed
 * policy (AWSLambdaBasicExecutionRole would let it write to every log group); it may write to its log group,
 * and the stack adds exactly what the handler calls.
 */
public final class StreamFunction extends Construct {

    private final Role role;
    private final Function function;

    /**
     * @param code        its jar and handler class, or its container image
     * @param size        memory, timeout, /tmp
     * @param retention   how long its logs stay
     * @param environment its settings (avmon.aws.lambda.FunctionSettings names)
     */
    public StreamFunction(Construct scope, String id, FunctionCode code, FunctionSize size,
                          RetentionDays retention, Map<String, String> environment) {
        super(scope, id);
        LogGroup logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(retention)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(id + " function: its log group and what its handler calls, nothing else")
                .build();
        logGroup.grantWrite(role);
        this.function = Function.Builder.create(this, "Function")
                // java21 (or an image on the java21 base): Amazon Linux 2023, whose glibc (2.34) the FFmpeg natives
                // of JavaCV 1.5.11 need.
                .runtime(code.runtime())
                // x86_64: the functions carry FFmpeg's (and PyTorch's) linux-x86_64 natives only.
                .architecture(Architecture.X86_64)
                .handler(code.handler())
                .code(code.code())
                .memorySize(size.memoryMb())
                .timeout(Duration.seconds(size.timeout().toSeconds()))
                .ephemeralStorageSize(Size.mebibytes(size.ephemeralStorageMb()))
                .role(role)
                .logGroup(logGroup)
                .environment(environment)
                .build();
        // The function waits for its role's policy, so its first invocation can already write its logs.
        function.getNode().addDependency(role);
    }

    /** Adds one statement to the function's role. */
    public void allow(PolicyStatement statement) {
        role.addToPrincipalPolicy(statement);
    }

    public Function function() {
        return function;
    }

    public Role role() {
        return role;
    }
}
