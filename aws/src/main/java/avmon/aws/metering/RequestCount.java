package avmon.aws.metering;

/**
 * What was asked of one operation of one service.
 *
 * @param service          the SDK's service name ("S3", "Sns", "Sfn")
 * @param operation        the API operation ("PutObject")
 * @param calls            API calls made by the application (one per SDK call, whatever the retries)
 * @param attempts         HTTP requests sent, retries included
 * @param billableAttempts attempts AWS charges for: those that got an answer other than a 5xx
 */
public record RequestCount(String service, String operation, long calls, long attempts, long billableAttempts) {

    /** The S3 pricing tier of this operation; only meaningful when {@link #service()} is S3. */
    public S3RequestTier s3Tier() {
        return S3RequestTier.of(operation);
    }

}
