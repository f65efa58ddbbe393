/**
 * What the three Lambda functions share: {@link avmon.aws.lambda.JsonHandler} (event JSON in, one core call,
 * result JSON out), the settings they read from their environment, the SDK clients they build once per
 * execution environment, and the source fetcher that applies the source policy before every fetch. The
 * typed errors the state machine catches and retries are in {@link avmon.aws.lambda.error}.
 */
package avmon.aws.lambda;
