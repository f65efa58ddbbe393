/**
 * Counting what avmon asks of AWS, the way AWS bills it: an SDK {@link
 * software.amazon.awssdk.core.interceptor.ExecutionInterceptor} that counts API calls and HTTP attempts per
 * service and operation, and the S3 request pricing tiers.
 */
package avmon.aws.metering;
