package avmon.core.synth;

import static avmon.core.synth.InjectedDefect.avSync;
import static avmon.core.synth.InjectedDefect.of;

import avmon.core.detect.DefectType;
import java.util.List;
import java.util.Locale;

/**
 * Prepared sets of streams for evaluating the detectors: every defect type, defects that straddle a segment
 * boundary (segments are 2 s, so a defect over an even second crosses one), clean streams that must give no
 * defects (also where they freeze or cut from one content to another), and streams without audio or without video.
 */
public final class StreamSuites {

    /** Names accepted by {@link #named}. */
    public static final List<String> NAMES = List.of("standard", "small", "clean-long", "freezes", "cuts");

    /** Length of each stream of the clean-long suite: two per content kind make eleven minutes. */
    static final double CLEAN_LONG_SECONDS = 55;

    private StreamSuites() {
    }

    /**
     * The suite called {@code name} ("standard": 1280x720, "small": 320x180 and shorter, "clean-long": eleven
     * minutes of clean 640x360 streams of every content kind, "freezes": four minutes of moving content that
     * stands still now and then, "cuts": four minutes of clean streams that cut from one content to another every
     * few seconds).
     */
    public static List<StreamSpec> named(String name, long seed) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "standard" -> standard(seed);
            case "small" -> small(seed);
            case "clean-long" -> cleanLong(seed, CLEAN_LONG_SECONDS);
            case "freezes" -> freezes(seed);
            case "cuts" -> cuts(seed);
            default -> throw new IllegalArgumentException("unknown suite '" + name + "', known: " + NAMES);
        };
    }

    /** Twenty-second 1280x720 streams covering every defect type. */
    public static List<StreamSpec> standard(long seed) {
        return standard(seed, StreamSpec.DEFAULT_WIDTH, StreamSpec.DEFAULT_HEIGHT);
    }

    /** The standard suite at another picture size. */
    public static List<StreamSpec> standard(long seed, int width, int height) {
        StreamSpec base = StreamSpec.of("base", seed).withSize(width, height);
        return List.of(
                base.withId("clean"),
                base.withId("clean-sync").withSyncPattern(),
                base.withId("freeze").with(of(DefectType.FREEZE, 3.0, 3.2), of(DefectType.FREEZE, 13.9, 2.5)),
                base.withId("black").with(of(DefectType.BLACK, 9.0, 2.6)),
                base.withId("silence").with(of(DefectType.SILENCE, 12.5, 2.5), of(DefectType.SILENCE, 3.96, 2.1)),
                base.withId("corruption").with(of(DefectType.BLOCK_CORRUPTION, 7.5, 1.0),
                        of(DefectType.BLOCK_CORRUPTION, 15.2, 0.4)),
                base.withId("av-sync").withSyncPattern().with(avSync(4.5, 6.0, 0.12), avSync(14.5, 3.0, -0.08)),
                base.withId("mixed").with(of(DefectType.FREEZE, 1.0, 2.5), of(DefectType.BLACK, 5.9, 2.2),
                        of(DefectType.SILENCE, 9.5, 3.0), of(DefectType.BLOCK_CORRUPTION, 13.8, 0.5)),
                base.withId("audio-only").audioOnly().with(of(DefectType.SILENCE, 5.9, 2.4)),
                base.withId("video-only").videoOnly().with(of(DefectType.FREEZE, 7.9, 2.2)));
    }

    /** A quick suite for tests: 320x180, 8 seconds, one defect type per stream. */
    public static List<StreamSpec> small(long seed) {
        StreamSpec base = StreamSpec.of("base", seed).withSize(320, 180).withDuration(8);
        return List.of(
                base.withId("clean"),
                base.withId("freeze").with(of(DefectType.FREEZE, 1.5, 3.0)),
                base.withId("black").with(of(DefectType.BLACK, 3.0, 2.2)),
                base.withId("silence").with(of(DefectType.SILENCE, 2.9, 2.5)),
                base.withId("corruption").with(of(DefectType.BLOCK_CORRUPTION, 3.7, 0.5)),
                base.withId("av-sync").withSyncPattern().with(avSync(2.5, 3.0, 0.1)),
                base.withId("audio-only").audioOnly().with(of(DefectType.SILENCE, 2.0, 2.5)),
                base.withId("video-only").videoOnly().with(of(DefectType.FREEZE, 3.5, 2.5)));
    }

    /**
     * The content kinds of the clean-long suite: the six it was measured with (docs/block-corruption.md), so its
     * figures stay comparable; {@link PictureContent#GRAPHICS}, added for the corruption model's training, is
     * not among them.
     */
    static final List<PictureContent> CLEAN_LONG_KINDS = List.of(PictureContent.TEXTURE, PictureContent.NOISE,
            PictureContent.FLAT, PictureContent.BLACK, PictureContent.TEXT, PictureContent.PATTERNS);

    /**
     * Clean streams for counting false alarms: two streams (two seeds) of each of {@link #CLEAN_LONG_KINDS},
     * 640x360, {@code seconds} long each. The block corruption signals must stay quiet on all of them.
     */
    public static List<StreamSpec> cleanLong(long seed, double seconds) {
        List<StreamSpec> suite = new java.util.ArrayList<>();
        for (PictureContent kind : CLEAN_LONG_KINDS) {
            for (int n = 1; n <= 2; n++) {
                suite.add(StreamSpec.of("clean-" + kind.jsonName() + "-" + n, seed + n).withSize(640, 360)
                        .withDuration(seconds).withContent(kind));
            }
        }
        return suite;
    }

    /** Length of each stream of the freezes suite. */
    static final double FREEZES_SECONDS = 30;

    /**
     * Streams that freeze and have no other defect, for counting block corruption false alarms where a detailed
     * picture stands still and then moves again (a paused programme, a slate over a live feed): two streams
     * (1280x720 and 640x360) of each moving kind of {@link #CLEAN_LONG_KINDS}, {@value #FREEZES_SECONDS} s each,
     * with three freezes of 1 to 4 s drawn from the seed, one in each third of the stream.
     */
    public static List<StreamSpec> freezes(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<StreamSpec> suite = new java.util.ArrayList<>();
        for (PictureContent kind : CLEAN_LONG_KINDS) {
            if (!kind.moves()) {
                continue; // a freeze of a picture that never moves shows nothing
            }
            for (int n = 1; n <= 2; n++) {
                StreamSpec spec = StreamSpec.of("freezes-" + kind.jsonName() + "-" + n, seed + n)
                        .withSize(n == 1 ? 1280 : 640, n == 1 ? 720 : 360).withDuration(FREEZES_SECONDS).withContent(kind);
                double third = FREEZES_SECONDS / 3;
                for (int k = 0; k < 3; k++) {
                    double length = Math.round((1 + 3 * random.nextDouble()) * 100) / 100.0;
                    double start = Math.round((k * third + 0.5 + random.nextDouble() * (third - length - 1)) * 100) / 100.0;
                    spec = spec.with(of(DefectType.FREEZE, start, length));
                }
                suite.add(spec);
            }
        }
        return suite;
    }

    /** Length of each stream of the cuts suite. */
    static final double CUTS_SECONDS = 30;
    /** Number of streams of the cuts suite. */
    static final int CUTS_STREAMS = 8;
    /** Shortest and longest shot of the cuts suite, in seconds. */
    static final double SHORTEST_SHOT = 1;
    static final double LONGEST_SHOT = 5;

    /**
     * Clean streams that cut abruptly from one content instance to another, as a programme cuts between shots, for
     * counting false alarms where the whole picture changes at once: {@value #CUTS_STREAMS} streams of
     * {@value #CUTS_SECONDS} s (1280x720 and 640x360 in turn), a shot of {@value #SHORTEST_SHOT} to
     * {@value #LONGEST_SHOT} s drawn from the seed after each cut. Each shot shows a kind of
     * {@link #CLEAN_LONG_KINDS} (stream n starts with the n-th, so the suite shows every kind), mostly another kind
     * than the shot before, sometimes another instance of the same kind. No defect is injected; flat and black shots
     * of 2 s or more are freezes (and black) in the truth, as for the clean-long suite's flat and black streams.
     */
    public static List<StreamSpec> cuts(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<StreamSpec> suite = new java.util.ArrayList<>();
        for (int n = 1; n <= CUTS_STREAMS; n++) {
            boolean large = n % 2 == 1;
            PictureContent first = CLEAN_LONG_KINDS.get((n - 1) % CLEAN_LONG_KINDS.size());
            StreamSpec spec = StreamSpec.of("cuts-" + n, seed + n).withSize(large ? 1280 : 640, large ? 720 : 360)
                    .withDuration(CUTS_SECONDS).withContent(first);
            PictureContent shown = first;
            long shownSeed = spec.seed();
            double time = 0;
            for (int k = 1; ; k++) {
                time = Math.round((time + SHORTEST_SHOT + (LONGEST_SHOT - SHORTEST_SHOT) * random.nextDouble()) * 100)
                        / 100.0;
                if (time > CUTS_SECONDS - SHORTEST_SHOT) {
                    break;
                }
                SceneCut cut = nextShot(random, time, shown, shownSeed, seed + 100L * n + k);
                spec = spec.withCuts(cut);
                shown = cut.content();
                shownSeed = cut.seed();
            }
            suite.add(spec);
        }
        return suite;
    }

    /**
     * A cut at {@code time} from {@code shown} to, one time in four, another instance of the same kind ({@code seed}),
     * otherwise another kind; black has one instance only, and a flat level the seed repeats is drawn again.
     */
    private static SceneCut nextShot(java.util.SplittableRandom random, double time, PictureContent shown,
                                     long shownSeed, long seed) {
        for (long s = seed; ; s += 1_000_000) {
            PictureContent kind = shown != PictureContent.BLACK && random.nextInt(4) == 0 ? shown
                    : otherKind(random, shown);
            SceneCut cut = new SceneCut(time, kind, s);
            if (!cut.showsTheSameAs(shown, shownSeed)) {
                return cut;
            }
        }
    }

    private static PictureContent otherKind(java.util.SplittableRandom random, PictureContent shown) {
        List<PictureContent> others = CLEAN_LONG_KINDS.stream().filter(k -> k != shown).toList();
        return others.get(random.nextInt(others.size()));
    }
}
