package avmon.cli.compare;

import static avmon.core.synth.InjectedDefect.avSync;
import static avmon.core.synth.InjectedDefect.of;

import avmon.core.detect.DefectType;
import avmon.core.synth.StreamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The streams one comparison runs through both designs: {@code streams} synthetic streams of {@code duration}
 * seconds, each with a known defect (one in six is clean, to catch false alarms). The kinds take turns, so a
 * few streams already cover freeze, black with silence, block corruption, A/V sync and silence; where each
 * defect starts is drawn from the seed, so most of them straddle a segment boundary and the serverless
 * design has to carry detector state from one segment to the next.
 *
 * @param streams  how many streams
 * @param duration length of each stream in seconds
 * @param width    picture width of the generated video
 * @param height   picture height
 * @param seed     seed of the picture content and of where the defects go
 */
public record CompareWorkload(int streams, double duration, int width, int height, long seed) {

    /** The shortest stream that fits the longest defect with a second of clean picture either side. */
    public static final double MIN_DURATION = 8;
    /** More streams than this would not finish in minutes on a laptop. */
    public static final int MAX_STREAMS = 200;

    /** The defect kinds, in the order streams take them. */
    private static final List<String> KINDS = List.of("freeze", "black-silence", "corruption", "av-sync",
            "silence", "clean");

    public CompareWorkload {
        if (streams < 1 || streams > MAX_STREAMS) {
            throw new IllegalArgumentException("--streams must be 1 to " + MAX_STREAMS + ", was " + streams);
        }
        if (!(duration >= MIN_DURATION) || duration > 3600) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--duration must be %.0f to 3600 seconds (room for a defect with clean picture around it), was %s",
                    MIN_DURATION, duration));
        }
    }

    /** The specs to generate, one per stream, ids {@code 01-freeze}, {@code 02-black-silence}, ... */
    public List<StreamSpec> specs() {
        List<StreamSpec> specs = new ArrayList<>();
        // One generator drawn in stream order: generators seeded with neighbouring numbers start alike, and
        // would put every stream's defect at about the same time.
        Random placement = new Random(seed);
        for (int i = 0; i < streams; i++) {
            String kind = KINDS.get(i % KINDS.size());
            StreamSpec base = StreamSpec.of(String.format(Locale.ROOT, "%02d-%s", i + 1, kind), seed + i)
                    .withSize(width, height).withDuration(duration);
            specs.add(switch (kind) {
                case "freeze" -> base.with(of(DefectType.FREEZE, start(placement, 3.0), 3.0));
                case "black-silence" -> {
                    double start = start(placement, 2.6);
                    yield base.with(of(DefectType.BLACK, start, 2.6), of(DefectType.SILENCE, start - 0.1, 2.6));
                }
                case "corruption" -> base.with(of(DefectType.BLOCK_CORRUPTION, start(placement, 0.5), 0.5));
                case "av-sync" -> base.withSyncPattern().with(avSync(start(placement, 3.0), 3.0, 0.12));
                case "silence" -> base.with(of(DefectType.SILENCE, start(placement, 2.5), 2.5));
                default -> base;
            });
        }
        return specs;
    }

    /** Total stream time, seconds. */
    public double streamSeconds() {
        return streams * duration;
    }

    /** A start that leaves a little more than a second of clean stream before and after {@code length}. */
    private double start(Random placement, double length) {
        double earliest = 1.2;
        double latest = duration - length - 1.2;
        double start = earliest + placement.nextDouble() * (latest - earliest);
        return Math.round(start * 25) / 25.0;
    }
}
