/** The {@code States.*} intrinsic functions: their small call syntax and AWS's behaviour for each. */
package avmon.local.sfn.asl.intrinsic;
