/**
 * A local Lambda: {@code RequestHandler} classes run in this JVM with a real {@code Context}, execution
 * environments with cold and warm starts, timeouts, concurrency limits, and duration billed as AWS
 * bills it.
 */
package avmon.local.lambda;
