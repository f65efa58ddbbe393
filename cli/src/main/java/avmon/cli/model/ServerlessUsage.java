package avmon.cli.model;

/**
 * What one stream costs the serverless design in one hour, as counts measured by a run and scaled to an
 * hour of stream time.
 *
 * @param transitions       billed state transitions (every state entered, every retry)
 * @param executions        executions started (the first, and each continue-as-new successor)
 * @param lambdaRequests    Lambda invocations
 * @param lambdaGbSeconds   Lambda GB-seconds billed (memory x billed duration)
 * @param lambdaBusySeconds seconds of Lambda execution (billed duration summed): the average number of
 *                          execution environments a stream keeps busy is this divided by 3,600
 * @param s3Tier1           billable S3 Tier 1 requests (PUT, LIST ...)
 * @param s3Tier2           billable S3 Tier 2 requests (GET, HEAD ...)
 * @param s3GbMonths        S3 storage in GB-months (bytes written x how long they are kept)
 * @param snsPublishes      SNS publishes, in billed 64 KB chunks
 */
public record ServerlessUsage(double transitions, double executions, double lambdaRequests, double lambdaGbSeconds,
                              double lambdaBusySeconds, double s3Tier1, double s3Tier2, double s3GbMonths,
                              double snsPublishes) {
}
