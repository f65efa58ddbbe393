package avmon.local.lambda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function reference as Lambda's Invoke accepts it: a name, {@code NAME:QUALIFIER}, a partial ARN
 * {@code ACCOUNT:function:NAME}, or a full ARN {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}.
 *
 * @param region    the region in the reference, or {@code null} when it names none
 * @param account   the account in the reference, or {@code null} when it names none
 * @param name      the function name
 * @param qualifier the version or alias, or {@code null}
 */
record FunctionArn(String region, String account, String name, String qualifier) {

    private static final Pattern FULL = Pattern.compile(
            "arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?");
    private static final Pattern PARTIAL = Pattern.compile(
            "(\\d{12}):function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?");
    private static final Pattern PLAIN = Pattern.compile("([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?");

    /** Parses a reference, or throws {@code ResourceNotFoundException} when it is none of the accepted forms. */
    static FunctionArn parse(String reference) {
        if (reference != null) {
            Matcher full = FULL.matcher(reference);
            if (full.matches()) {
                return new FunctionArn(full.group(1), full.group(2), full.group(3), full.group(4));
            }
            Matcher partial = PARTIAL.matcher(reference);
            if (partial.matches()) {
                return new FunctionArn(null, partial.group(1), partial.group(2), partial.group(3));
            }
            Matcher plain = PLAIN.matcher(reference);
            if (plain.matches()) {
                return new FunctionArn(null, null, plain.group(1), plain.group(2));
            }
        }
        throw new LambdaServiceException("ValidationException", 400,
                "not a function name or ARN: " + reference);
    }

    static String of(String region, String account, String name) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }
}
