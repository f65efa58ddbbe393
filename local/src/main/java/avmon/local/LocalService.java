package avmon.local;

import java.net.URI;

/**
 * A service a {@link LocalCloud} starts from outside this package (the Step Functions service), served at
 * an endpoint and closed with the cloud.
 */
public interface LocalService extends AutoCloseable {

    /** The URI SDK clients give {@code endpointOverride}. */
    URI endpoint();

    @Override
    void close();

    /** Starts a service once S3, SNS and the Lambda host of {@code cloud} are up. */
    @FunctionalInterface
    interface Starter {
        LocalService start(LocalCloud cloud) throws Exception;
    }
}
