package avmon.aws.s3;

import avmon.core.store.EncodedFrameStore;
import avmon.core.store.FrameCodec;
import avmon.core.store.MissingObjectException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The serverless design's frame store: one S3 object per frame and one per segment's audio, in one bucket,
 * under {@code frames/<streamId>/<segment>/}. Each frame is one PUT (Tier 1) and one GET (Tier 2): that
 * traffic is half of what the case found expensive.
 */
public final class S3FrameStore extends EncodedFrameStore {

    private final S3Client s3;
    private final String bucket;

    /** Uses {@code s3} (built once per execution environment) and writes to {@code bucket}. */
    public S3FrameStore(S3Client s3, String bucket) {
        this(s3, bucket, new FrameCodec());
    }

    public S3FrameStore(S3Client s3, String bucket, FrameCodec codec) {
        super(codec);
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    protected void put(String key, byte[] bytes, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    @Override
    protected byte[] get(String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new MissingObjectException("s3://" + bucket + "/" + key, e);
        }
    }
}
