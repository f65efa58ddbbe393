package avmon.core.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FrameStore} in a map, storing the same bytes under the same keys as the S3 one. For tests and
 * for running the serverless code path without S3.
 */
public final class InMemoryFrameStore extends EncodedFrameStore {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    public InMemoryFrameStore() {
        super(new FrameCodec());
    }

    @Override
    protected void put(String key, byte[] bytes, String contentType) {
        objects.put(key, bytes);
    }

    @Override
    protected byte[] get(String key) {
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            throw new MissingObjectException(key, null);
        }
        return bytes;
    }

    /** Removes an object, as an expiry rule would. */
    public void delete(String key) {
        objects.remove(key);
    }

    /** The keys stored so far. */
    public Set<String> keys() {
        return Set.copyOf(objects.keySet());
    }
}
