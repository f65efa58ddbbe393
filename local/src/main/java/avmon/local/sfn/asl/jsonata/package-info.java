/**
 * JSONata as ASL uses it: {@code {% ... %}} expressions evaluated with dashjoin's JSONata, {@code $states} and
 * the workflow variables bound, plus the functions Step Functions adds ({@code $partition}, {@code $range},
 * {@code $hash}, {@code $random}, {@code $uuid}, {@code $parse}).
 */
package avmon.local.sfn.asl.jsonata;
