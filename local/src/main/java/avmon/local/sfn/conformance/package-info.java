/**
 * The conformance runner: executions recorded on real AWS Step Functions ({@code ../shared/asl-conformance})
 * replayed through the local engine on a virtual clock, with the corpus's Lambda functions as in-process
 * handlers, compared field by field (masks honoured) and reported per category and query language.
 */
package avmon.local.sfn.conformance;
