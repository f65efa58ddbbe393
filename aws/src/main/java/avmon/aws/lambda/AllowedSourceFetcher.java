package avmon.aws.lambda;

import avmon.aws.lambda.error.ForbiddenSourceException;
import avmon.core.source.SourceException;
import avmon.core.source.SourceFetcher;
import avmon.core.source.SourcePolicy;
import avmon.core.source.SourceRejectedException;
import java.net.URI;

/**
 * Fetches playlists and segments for a function: every URI, the playlist's and each segment's it names, is
 * checked against the {@link SourcePolicy} first, so a playlist cannot point a function at a host or bucket
 * the event itself could not name. {@code s3://} goes to one fetcher, {@code https://} to another.
 */
public final class AllowedSourceFetcher implements SourceFetcher {

    private final SourcePolicy policy;
    private final SourceFetcher s3;
    private final SourceFetcher https;

    public AllowedSourceFetcher(SourcePolicy policy, SourceFetcher s3, SourceFetcher https) {
        this.policy = policy;
        this.s3 = s3;
        this.https = https;
    }

    /** Checks a source without fetching it. */
    public URI check(String source) {
        try {
            return policy.check(source);
        } catch (SourceRejectedException e) {
            throw new ForbiddenSourceException(e.getMessage(), e);
        }
    }

    /** @throws ForbiddenSourceException when the policy refuses {@code uri}; nothing is fetched then */
    @Override
    public byte[] fetch(URI uri) throws SourceException {
        URI allowed = check(uri.toString());
        return "s3".equalsIgnoreCase(allowed.getScheme()) ? s3.fetch(allowed) : https.fetch(allowed);
    }
}
