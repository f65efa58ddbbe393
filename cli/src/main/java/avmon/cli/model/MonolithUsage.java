package avmon.cli.model;

/**
 * What one stream costs the monolith in one hour, measured by a run and scaled to an hour of stream time.
 *
 * @param cpuSeconds   CPU seconds the process spent per stream-hour
 * @param memoryMb     peak memory per stream, in MB (the process's peak divided by its streams)
 * @param s3Tier1      billable S3 Tier 1 requests
 * @param s3Tier2      billable S3 Tier 2 requests (reading sources from S3)
 * @param snsPublishes SNS publishes, in billed 64 KB chunks
 */
public record MonolithUsage(double cpuSeconds, double memoryMb, double s3Tier1, double s3Tier2, double snsPublishes) {
}
