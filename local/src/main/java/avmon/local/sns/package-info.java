/**
 * A local SNS: topics, subscriptions, Publish and PublishBatch behind SNS's Query API, delivering to
 * in-memory subscribers, JSON-lines files and HTTP endpoints on the loopback interface.
 */
package avmon.local.sns;
