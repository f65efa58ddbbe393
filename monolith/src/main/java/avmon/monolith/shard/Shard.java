package avmon.monolith.shard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One copy's share of the streams when the monolith is scaled out to {@code count} copies, as the case did
 * it: every copy sees the whole list and keeps the streams it owns.
 *
 * <p>Ownership is decided by rendezvous (highest random weight) hashing: each stream goes to the shard with
 * the highest hash of (stream id, shard index). It needs no coordination, and going from N to N+1 shards
 * moves only the streams the new shard wins, about 1/(N+1) of them; the others stay where they were.
 *
 * @param index this copy's shard, from 0
 * @param count how many shards there are
 */
public record Shard(int index, int count) {

    /** The whole: one shard that owns every stream. */
    public static final Shard ALL = new Shard(0, 1);

    private static final Pattern SPEC = Pattern.compile("(\\d+)/(\\d+)");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= index < count");
        }
    }

    /** Parses {@code "i/N"} (e.g. {@code "0/4"}), as given to {@code --shard}. */
    public static Shard parse(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("shard '" + spec + "': expected INDEX/COUNT, e.g. 0/4");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether this shard owns {@code streamId}. */
    public boolean owns(String streamId) {
        return ownerOf(streamId, count) == index;
    }

    /** The streams of {@code streamIds} this shard owns, in their order. */
    public List<String> select(Collection<String> streamIds) {
        return streamIds.stream().filter(this::owns).toList();
    }

    /** The shard, among {@code count}, that owns {@code streamId}. */
    public static int ownerOf(String streamId, int count) {
        int best = 0;
        long bestWeight = Long.MIN_VALUE;
        for (int shard = 0; shard < count; shard++) {
            long w = weight(streamId, shard);
            if (w > bestWeight) {
                bestWeight = w;
                best = shard;
            }
        }
        return best;
    }

    /** A stable hash of (stream, shard): the same on every JVM and every run. */
    private static long weight(String streamId, int shard) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(streamId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Integer.toString(shard).getBytes(StandardCharsets.UTF_8));
            byte[] d = sha.digest();
            long w = 0;
            for (int i = 0; i < 8; i++) {
                w = (w << 8) | (d[i] & 0xff);
            }
            return w;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
