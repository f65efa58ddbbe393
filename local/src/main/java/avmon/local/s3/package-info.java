/**
 * A local S3: S3Proxy in the same JVM, objects in memory or on disk, SigV4 signatures checked.
 */
package avmon.local.s3;
