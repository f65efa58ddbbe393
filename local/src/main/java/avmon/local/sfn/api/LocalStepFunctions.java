package avmon.local.sfn.api;

import avmon.local.LocalCloud;
import avmon.local.LocalService;
import avmon.local.sfn.asl.AslParser;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * The Step Functions service as a {@link LocalCloud} starts it: the ASL engine running its Lambda tasks on
 * the cloud's Lambda host, in the cloud's region and account, behind the JSON API on an HTTP port.
 *
 * <pre>{@code
 * LocalCloud.builder().s3Bucket("b").sns().lambda().stepFunctions(LocalStepFunctions.starter()).start();
 * }</pre>
 */
public final class LocalStepFunctions implements LocalService {

    private final StepFunctionsService service;
    private final StepFunctionsServer server;

    private LocalStepFunctions(StepFunctionsService service) {
        this.service = service;
        this.server = StepFunctionsServer.start(service);
    }

    /** A starter with AWS's defaults (history limit, task time limit). */
    public static Starter starter() {
        return starter(UnaryOperator.identity());
    }

    /** A starter whose configuration {@code adjust} changes after the cloud's region, account and Lambda host are set. */
    public static Starter starter(UnaryOperator<StepFunctionsConfig> adjust) {
        return cloud -> new LocalStepFunctions(new StepFunctionsService(new AslParser(), adjust.apply(
                StepFunctionsConfig.defaults().withRegion(cloud.region()).withAccountId(cloud.accountId())
                        .withTasks(cloud.lambda()))));
    }

    /** The service itself, for what the API does not show (billed transitions). */
    public StepFunctionsService service() {
        return service;
    }

    @Override
    public URI endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
        service.close();
    }
}
