/**
 * JSONPath as ASL uses it: paths read with Jayway's implementation (the one AWS's error messages come from),
 * on the state input, the context object ({@code $$}) or a variable ({@code $name}); reference paths for
 * ResultPath; payload templates with {@code .$} keys.
 */
package avmon.local.sfn.asl.jsonpath;
