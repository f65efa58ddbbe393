package avmon.local.auth;

/**
 * A request was not signed with the local credentials. The code is AWS's
 * ({@code MissingAuthenticationToken}, {@code InvalidClientTokenId}, {@code SignatureDoesNotMatch},
 * {@code IncompleteSignature}, {@code XAmzContentSHA256Mismatch}); the HTTP status is 403, or 400 for a
 * malformed signature.
 */
public class SignatureRejectedException extends Exception {

    private final String code;
    private final int statusCode;

    public SignatureRejectedException(String code, int statusCode, String message) {
        super(message);
        this.code = code;
        this.statusCode = statusCode;
    }

    public String code() {
        return code;
    }

    public int statusCode() {
        return statusCode;
    }
}
