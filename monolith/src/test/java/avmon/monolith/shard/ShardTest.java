package avmon.monolith.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    private static final List<String> STREAMS = IntStream.range(0, 4000).mapToObj(i -> "stream-" + i).toList();

    @Test
    void select_fourShards_partitionEveryStreamExactlyOnce() {
        List<String> union = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<String> mine = new Shard(i, 4).select(STREAMS);
            assertTrue(mine.size() > 900 && mine.size() < 1100, () -> "shard share " + mine.size() + " of 4,000 is balanced");
            union.addAll(mine);
        }
        assertEquals(STREAMS.size(), union.size(), "no stream is owned twice");
        assertEquals(new java.util.HashSet<>(STREAMS), new java.util.HashSet<>(union), "no stream is lost");
    }

    @Test
    void ownerOf_addingAShard_movesOnlyStreamsToTheNewShard() {
        int moved = 0;
        for (String s : STREAMS) {
            int before = Shard.ownerOf(s, 4);
            int after = Shard.ownerOf(s, 5);
            if (before != after) {
                assertEquals(4, after, () -> s + " moved between old shards");
                moved++;
            }
        }
        int share = moved;
        assertTrue(share > 650 && share < 950, () -> share + " of 4,000 moved; about a fifth expected");
    }

    @Test
    void parse_validAndInvalidSpecs() {
        assertEquals(new Shard(2, 8), Shard.parse("2/8"));
        assertTrue(Shard.ALL.owns("anything"));
        for (String bad : new String[] {"8/8", "-1/2", "1", "a/b", "0/0"}) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }
}
