package avmon.core.corruption.train;

import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which streams make the training, validation and test data, all from one seed. Each split gets every kind of
 * picture content, with its own stream seeds (so its own pictures and damaged bytes) and its own damage
 * ranges drawn from a random source of its own: nothing a test stream shows was seen in training.
 *
 * <p>A quarter of the streams stay clean. The others are damaged once or twice, for 1 picture to 1.2 s, at
 * any position in the keyframe interval: damage just before a keyframe shows for a picture or two, damage
 * just after one for the rest of the second, so both short and long corruptions are in the data.
 *
 * <p>Streams take the given picture sizes in turn, so every split and every content kind has each size, clean
 * and damaged: the model sees each size's blocks at its own input size (a 16x16 macroblock of 1280x720 is 4x4
 * pixels at 320x180, of 640x360 8x8), and learns neither size's scale as the sign of damage.
 *
 * <p>Each stream's encoding comes from the {@link EncodingMix}, drawn from a random source of its own: the
 * streams' content seeds and damage ranges are the same whatever the mix, so the same seed with
 * {@link EncodingMix#DEFAULT} gives the streams that models before the mix were trained and tested on.
 *
 * <p>Besides the three splits, {@link Split#CLEAN_VALIDATION} holds {@code cleanStreamsPerKind} clean streams of
 * {@value #CLEAN_DURATION} s per content kind, for the threshold alone.
 *
 * <p>Each split also holds {@code freezeStreamsPerKind} freeze streams per content kind that moves (in training;
 * half as many in validation and test): the picture stands still for 15% to 40% of the stream, from a keyframe,
 * then moves again, and every second one is damaged after the freeze. Concealed damage stands still where the
 * picture around it moves, so a model that never saw a freeze took a still, detailed picture for damage (the
 * standard suite's {@code freeze} stream). They come after the other streams of their split, from random sources
 * of their own, so the other streams are the same with or without them.
 *
 * @param seed          seed of everything
 * @param streamsPerKind streams per content kind in the training split (validation and test get half as many)
 * @param duration      length of each stream in seconds
 * @param sizes         picture sizes of the streams, used in turn
 * @param encodings     how the streams are encoded
 * @param contents      the picture content kinds, each with its streams in every split (in this order)
 * @param cleanStreamsPerKind clean streams per content kind for choosing the threshold (0: none)
 * <p>And {@code stillDamageStreamsPerKind} streams per content kind that never moves (half as many in validation and
 * test), each damaged across one of its keyframes: on a still picture only a damaged keyframe leaves a trace (damage
 * to a predicted picture is copied over from the picture before), so the streams above hardly ever show it.
 *
 * @param freezeStreamsPerKind freeze streams per content kind that moves, in the training split (0: none)
 * @param stillDamageStreamsPerKind streams per content kind that never moves damaged across a keyframe, in the
 *                      training split (0: none)
 */
public record TrainingPlan(long seed, int streamsPerKind, double duration, List<PictureSize> sizes,
                           EncodingMix encodings, List<PictureContent> contents, int cleanStreamsPerKind,
                           int freezeStreamsPerKind, int stillDamageStreamsPerKind) {

    /** Seconds of each {@link Split#CLEAN_VALIDATION} stream. */
    public static final double CLEAN_DURATION = 30;

    /** The content kinds of the committed model's data: every kind but graphics, which came later. */
    public static final List<PictureContent> COMMITTED_CONTENTS = List.of(PictureContent.TEXTURE,
            PictureContent.NOISE, PictureContent.FLAT, PictureContent.BLACK, PictureContent.TEXT,
            PictureContent.PATTERNS);

    /** A plan of every picture content kind. */
    public TrainingPlan(long seed, int streamsPerKind, double duration, List<PictureSize> sizes, EncodingMix encodings) {
        this(seed, streamsPerKind, duration, sizes, encodings, List.of(PictureContent.values()), 0);
    }

    /** A plan without clean validation streams. */
    public TrainingPlan(long seed, int streamsPerKind, double duration, List<PictureSize> sizes, EncodingMix encodings,
                        List<PictureContent> contents) {
        this(seed, streamsPerKind, duration, sizes, encodings, contents, 0);
    }

    /** A plan without freeze streams. */
    public TrainingPlan(long seed, int streamsPerKind, double duration, List<PictureSize> sizes, EncodingMix encodings,
                        List<PictureContent> contents, int cleanStreamsPerKind) {
        this(seed, streamsPerKind, duration, sizes, encodings, contents, cleanStreamsPerKind, 0);
    }

    /** A plan without streams of still pictures damaged across a keyframe. */
    public TrainingPlan(long seed, int streamsPerKind, double duration, List<PictureSize> sizes, EncodingMix encodings,
                        List<PictureContent> contents, int cleanStreamsPerKind, int freezeStreamsPerKind) {
        this(seed, streamsPerKind, duration, sizes, encodings, contents, cleanStreamsPerKind, freezeStreamsPerKind, 0);
    }

    public TrainingPlan {
        java.util.Objects.requireNonNull(encodings, "encodings");
        if (contents.isEmpty() || contents.stream().distinct().count() != contents.size()) {
            throw new IllegalArgumentException("a training plan needs one or more different picture contents, got "
                    + contents);
        }
        contents = List.copyOf(contents);
        if (streamsPerKind < 2 || duration < 2) {
            throw new IllegalArgumentException("a training plan needs at least 2 streams per kind of at least 2 s");
        }
        if (cleanStreamsPerKind < 0) {
            throw new IllegalArgumentException("a training plan cannot have " + cleanStreamsPerKind
                    + " clean validation streams per kind");
        }
        if (freezeStreamsPerKind < 0) {
            throw new IllegalArgumentException("a training plan cannot have " + freezeStreamsPerKind
                    + " freeze streams per kind");
        }
        if (stillDamageStreamsPerKind < 0) {
            throw new IllegalArgumentException("a training plan cannot have " + stillDamageStreamsPerKind
                    + " still damage streams per kind");
        }
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("a training plan needs at least one stream size");
        }
        sizes = List.copyOf(sizes);
    }

    /** Every stream of every split. */
    public List<TrainingStream> streams() {
        List<TrainingStream> all = new ArrayList<>();
        for (Split split : Split.values()) {
            all.addAll(streams(split));
        }
        return all;
    }

    /** Seconds of each stream of {@code split}. */
    public double duration(Split split) {
        return split == Split.CLEAN_VALIDATION ? CLEAN_DURATION : duration;
    }

    /** The streams of one split. */
    public List<TrainingStream> streams(Split split) {
        if (split == Split.CLEAN_VALIDATION) {
            return cleanStreams();
        }
        SplittableRandom random = new SplittableRandom(seed * 31 + split.ordinal() * 0x5DEECE66DL + 17);
        SplittableRandom encodingRandom = new SplittableRandom(seed * 131 + split.ordinal() * 0x2545F4914F6CDD1DL + 7);
        int perKind = split == Split.TRAIN ? streamsPerKind : Math.max(2, streamsPerKind / 2);
        List<TrainingStream> streams = new ArrayList<>();
        for (PictureContent content : contents) {
            for (int i = 0; i < perKind; i++) {
                String id = streamId(split, content, "", i);
                List<InjectedDefect> damage = i % 4 == 3 ? List.of() : damage(random);
                // (i + i / 4): over 8 streams each size is once clean and three times damaged (with two sizes).
                PictureSize size = sizes.get((i + i / 4) % sizes.size());
                streams.add(new TrainingStream(id, split, content, size, random.nextLong(), damage,
                        encodings.draw(encodingRandom, size)));
            }
        }
        streams.addAll(freezeStreams(split));
        streams.addAll(stillDamageStreams(split));
        return streams;
    }

    /** A stream's name: its split, its content kind, what sort of extra stream it is (if one), its number. */
    private static String streamId(Split split, PictureContent content, String sort, int i) {
        return split.name().toLowerCase(java.util.Locale.ROOT) + "-" + content.jsonName() + sort + "-" + i;
    }

    /** Extra streams per kind in {@code split}: {@code inTraining} in training, half as many (rounded up) elsewhere. */
    private static int extraPerKind(Split split, int inTraining) {
        return split == Split.TRAIN ? inTraining : (inTraining + 1) / 2;
    }

    /**
     * The split's streams of kinds that never move, the sizes in turn, each damaged across one keyframe after the
     * first where one fits (so that a clean picture comes before the damage; {@link #acrossKeyframe}).
     */
    private List<TrainingStream> stillDamageStreams(Split split) {
        SplittableRandom random = new SplittableRandom(seed * 83 + split.ordinal() * 0xA0761D6478BD642FL + 37);
        SplittableRandom encodingRandom = new SplittableRandom(seed * 89 + split.ordinal() * 0xE7037ED1A0B428DBL + 41);
        int perKind = extraPerKind(split, stillDamageStreamsPerKind);
        List<TrainingStream> streams = new ArrayList<>();
        for (PictureContent content : contents) {
            if (content.moves()) {
                continue;
            }
            for (int i = 0; i < perKind; i++) {
                String id = streamId(split, content, "-still", i);
                PictureSize size = sizes.get(i % sizes.size());
                VideoEncoding encoding = encodings.draw(encodingRandom, size);
                InjectedDefect damage = acrossKeyframe(encoding, random);
                streams.add(new TrainingStream(id, split, content, size, random.nextLong(), List.of(damage), encoding));
            }
        }
        return streams;
    }

    /**
     * A damage range across one of the stream's forced keyframes after its first, ending inside the stream; across
     * the first when no other comes 0.1 s or more before the end (a keyframe interval as long as the stream).
     */
    private InjectedDefect acrossKeyframe(VideoEncoding encoding, SplittableRandom random) {
        int later = (int) Math.floor((duration - 0.1) / encoding.keyframeSeconds());
        double keyframe = later < 1 ? 0 : encoding.keyframeSeconds() * random.nextInt(1, later + 1);
        double start = Math.max(0, Math.round((keyframe - 0.02 - random.nextDouble() * 0.2) * 100) / 100.0);
        double length = Math.min(keyframe - start + 0.04 + random.nextDouble() * 0.2, duration - 0.02 - start);
        length = Math.round(length * 100) / 100.0;
        return InjectedDefect.of(DefectType.BLOCK_CORRUPTION, start, length);
    }

    /** The split's freeze streams: every kind that moves, the sizes in turn, every second one damaged. */
    private List<TrainingStream> freezeStreams(Split split) {
        SplittableRandom random = new SplittableRandom(seed * 71 + split.ordinal() * 0x94D049BB133111EBL + 29);
        SplittableRandom encodingRandom = new SplittableRandom(seed * 73 + split.ordinal() * 0xD6E8FEB86659FD93L + 31);
        int perKind = extraPerKind(split, freezeStreamsPerKind);
        List<TrainingStream> streams = new ArrayList<>();
        for (PictureContent content : contents) {
            if (!content.moves()) {
                continue; // a freeze of a picture that never moves changes nothing
            }
            for (int i = 0; i < perKind; i++) {
                String id = streamId(split, content, "-freeze", i);
                InjectedDefect freeze = freeze(random);
                List<InjectedDefect> damage = i % 2 == 1 ? List.of(damageAfter(freeze, random)) : List.of();
                PictureSize size = sizes.get((i / 2) % sizes.size());
                streams.add(new TrainingStream(id, split, content, size, random.nextLong(), damage,
                        encodings.draw(encodingRandom, size), List.of(freeze)));
            }
        }
        return streams;
    }

    /** A freeze from 5% to 30% into the stream, lasting 15% to 40% of it: it always ends before the stream. */
    private InjectedDefect freeze(SplittableRandom random) {
        double start = Math.round(duration * (0.05 + 0.25 * random.nextDouble()) * 100) / 100.0;
        double length = Math.round(duration * (0.15 + 0.25 * random.nextDouble()) * 100) / 100.0;
        return InjectedDefect.of(DefectType.FREEZE, start, length);
    }

    /** One damage range starting up to 0.5 s after the freeze ends: damage where motion has just resumed. */
    private InjectedDefect damageAfter(InjectedDefect freeze, SplittableRandom random) {
        double start = Math.round((freeze.end() + 0.04 + random.nextDouble() * 0.46) * 100) / 100.0;
        double room = duration - start - 0.1;
        double length = random.nextInt(4) == 0 ? 0.04 : Math.min(room, 0.1 + random.nextDouble() * 1.1);
        return InjectedDefect.of(DefectType.BLOCK_CORRUPTION, start, Math.round(Math.max(0.04, length) * 100) / 100.0);
    }

    /** The clean validation streams: every content kind, the sizes in turn, seeds and encodings of their own. */
    private List<TrainingStream> cleanStreams() {
        SplittableRandom random = new SplittableRandom(seed * 53 + 0x9E3779B97F4A7C15L);
        SplittableRandom encodingRandom = new SplittableRandom(seed * 59 + 0xBF58476D1CE4E5B9L);
        List<TrainingStream> streams = new ArrayList<>();
        for (PictureContent content : contents) {
            for (int i = 0; i < cleanStreamsPerKind; i++) {
                PictureSize size = sizes.get((i + content.ordinal()) % sizes.size());
                streams.add(new TrainingStream("clean-" + content.jsonName() + "-" + i, Split.CLEAN_VALIDATION, content,
                        size, random.nextLong(), List.of(), encodings.draw(encodingRandom, size)));
            }
        }
        return streams;
    }

    /** One or two damage ranges that do not touch each other. */
    private List<InjectedDefect> damage(SplittableRandom random) {
        List<InjectedDefect> ranges = new ArrayList<>();
        int count = random.nextInt(1, 3);
        double slot = duration / count;
        for (int k = 0; k < count; k++) {
            double length = random.nextInt(4) == 0 ? 0.04 : 0.1 + random.nextDouble() * 1.1;
            length = Math.min(length, slot - 0.3);
            double start = k * slot + 0.2 + random.nextDouble() * (slot - length - 0.3);
            start = Math.round(start * 100) / 100.0;
            ranges.add(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, start, Math.round(length * 100) / 100.0));
        }
        return ranges;
    }
}
