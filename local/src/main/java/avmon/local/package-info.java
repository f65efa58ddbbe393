/**
 * Embedded AWS for local runs and tests: {@link avmon.local.LocalCloud} starts S3, SNS, the Lambda host
 * and the Step Functions service in this JVM. This module knows nothing of avmon's domain: it hosts any
 * state machine and any {@code RequestHandler}.
 */
package avmon.local;
