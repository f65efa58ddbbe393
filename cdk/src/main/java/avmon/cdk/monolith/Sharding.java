package avmon.cdk.monolith;

/** How the copies of one monitor service split the streams. */
public sealed interface Sharding {

    /**
     * One copy with a shard fixed at deployment ({@code --shard index/count}).
     *
     * @param index its shard, from 0
     * @param count how many shards
     */
    record Fixed(int index, int count) implements Sharding {
        public Fixed {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= index < count");
            }
        }
    }

    /**
     * From {@code min} to {@code max} copies, as many as CPU calls for; each copy works out its shard from the
     * service's running tasks (docker/monolith/avmon-ecs-copy).
     */
    record Scaled(int min, int max) implements Sharding {
        public Scaled {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("copies " + min + "-" + max + ": need 1 <= min <= max");
            }
        }
    }
}
