package avmon.aws.s3;

import avmon.core.source.SourceException;
import avmon.core.source.SourceFetcher;
import java.net.URI;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads {@code s3://bucket/key} playlists and segments. Every fetch is one GET (Tier 2). */
public final class S3SourceFetcher implements SourceFetcher {

    private final S3Client s3;

    public S3SourceFetcher(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public byte[] fetch(URI uri) throws SourceException {
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new SourceException(SourceException.Reason.FAILED, uri, "not an s3://bucket/key URI: " + uri, null);
        }
        String key = uri.getPath().substring(1);
        try {
            return s3.getObjectAsBytes(b -> b.bucket(uri.getHost()).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, uri, "no such object: " + uri, e);
        } catch (NoSuchBucketException e) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, uri,
                    "no such bucket: " + uri.getHost() + " (" + uri + ")", e);
        } catch (S3Exception e) {
            // The service's own words ("Access Denied"), without the SDK's request ids around them.
            String why = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                    ? e.awsErrorDetails().errorMessage() + " (HTTP " + e.statusCode() + ")" : e.getMessage();
            throw new SourceException(SourceException.Reason.FAILED, uri, "cannot read " + uri + ": " + why, e);
        } catch (SdkException e) {
            throw new SourceException(SourceException.Reason.FAILED, uri, "cannot read " + uri + ": " + e.getMessage(), e);
        }
    }
}
