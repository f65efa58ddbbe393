package avmon.local.sfn.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque paging tokens: a listing kind and a position, so that a token from one listing is refused by
 * another with InvalidToken instead of returning the wrong page.
 */
final class PageTokens {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private PageTokens() {
    }

    static String encode(String kind, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position in {@code token}, or {@code whenAbsent} when there is no token. */
    static long decode(String kind, String token, long whenAbsent) {
        if (token == null || token.isEmpty()) {
            return whenAbsent;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(kind + ":")) {
                return Long.parseLong(text.substring(kind.length() + 1));
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: the same answer as a token of another listing
        }
        throw new StepFunctionsException(SfnErrorCode.InvalidToken, "Invalid Token: '" + token + "'");
    }

    /** The page size for a request's maxResults: 0 (or absent) means 100; AWS allows at most 1000. */
    static int pageSize(int maxResults) {
        if (maxResults < 0 || maxResults > MAX_PAGE_SIZE) {
            throw new StepFunctionsException(SfnErrorCode.ValidationException, "1 validation error detected: Value '"
                    + maxResults + "' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and "
                    + MAX_PAGE_SIZE);
        }
        return maxResults == 0 ? DEFAULT_PAGE_SIZE : maxResults;
    }
}
