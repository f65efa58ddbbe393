package avmon.core.synth;

import avmon.core.detect.DefectType;
import java.util.ArrayList;
import java.util.List;

/**
 * What to generate: one synthetic stream and the defects to inject into it.
 *
 * @param id              stream id, also the folder name
 * @param seed            seed of everything random (picture content, bitstream damage)
 * @param duration        length in seconds
 * @param frameRate       pictures per second
 * @param width           picture width
 * @param height          picture height
 * @param segmentDuration HLS segment length in seconds (a whole number of keyframe intervals)
 * @param video           whether the stream has video
 * @param audio           whether the stream has audio
 * @param syncPattern     whether pictures flash white and the audio beeps together once a second, at k + 0.5 s
 * @param content         what the pictures show (before the first scene cut, if any)
 * @param defects         defects to inject
 * @param encoding        how the pictures are encoded ({@link VideoEncoding#DEFAULT} unless a stream asks otherwise)
 * @param cuts            scene cuts in time order, each to another content instance; not defects
 */
public record StreamSpec(String id, long seed, double duration, double frameRate, int width, int height,
                         double segmentDuration, boolean video, boolean audio, boolean syncPattern,
                         PictureContent content, List<InjectedDefect> defects, VideoEncoding encoding,
                         List<SceneCut> cuts) {

    public static final double DEFAULT_DURATION = 20;
    public static final double DEFAULT_FRAME_RATE = 25;
    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 720;
    public static final double DEFAULT_SEGMENT = 2;

    public StreamSpec {
        defects = List.copyOf(defects);
        cuts = List.copyOf(cuts);
        java.util.Objects.requireNonNull(content, "content");
        java.util.Objects.requireNonNull(encoding, "encoding");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("stream id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        if (!(duration > 0) || !(frameRate > 0) || !(segmentDuration > 0)) {
            throw new IllegalArgumentException(id + ": duration, frame rate and segment length must be positive");
        }
        if (frameRate != Math.rint(frameRate)) {
            throw new IllegalArgumentException(id + ": frame rate must be a whole number, got " + frameRate);
        }
        if (!video && !audio) {
            throw new IllegalArgumentException(id + ": a stream needs video, audio or both");
        }
        if (video && (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0)) {
            throw new IllegalArgumentException(id + ": picture size must be even and at least 16x16, got "
                    + width + "x" + height);
        }
        for (InjectedDefect d : defects) {
            check(d, id, duration, video, audio, syncPattern);
        }
        if (!cuts.isEmpty()) {
            int pictures = (int) Math.round(duration * frameRate);
            checkCuts(id, video, content, seed, cuts, frameRate, pictures);
            List<Shot> shots = shots(content, seed, cuts, frameRate, pictures);
            checkStillShots(id, defects, shots, frameRate);
            checkNoFlashOnStillShots(id, syncPattern, shots, frameRate);
        }
    }

    /** Each cut inside the stream, after the one before it by a picture at least, and changing the picture. */
    private static void checkCuts(String id, boolean video, PictureContent content, long seed, List<SceneCut> cuts,
                                  double frameRate, int frameCount) {
        if (!video) {
            throw new IllegalArgumentException(id + ": scene cuts need video");
        }
        int shotStart = 0;
        PictureContent shown = content;
        long shownSeed = seed;
        for (SceneCut cut : cuts) {
            String what = id + ": the scene cut at " + cut.time() + " s";
            int first = frameAtOrAfter(cut.time(), frameRate);
            if (first <= shotStart || first >= frameCount) {
                throw new IllegalArgumentException(what + " must fall on a picture after the previous cut (or the"
                        + " start) and before the end");
            }
            if (cut.showsTheSameAs(shown, shownSeed)) {
                throw new IllegalArgumentException(what + " shows what was shown before it (" + shown.jsonName()
                        + ", seed " + shownSeed + "): it would change nothing");
            }
            shotStart = first;
            shown = cut.content();
            shownSeed = cut.seed();
        }
    }

    /**
     * Freeze and black injected where flat or black shots begin or end would make one still stretch of two, which the
     * truth cannot say: they must lie inside such a shot (where they add nothing) or away from it.
     */
    private static void checkStillShots(String id, List<InjectedDefect> defects, List<Shot> shots, double frameRate) {
        for (InjectedDefect d : defects) {
            if (d.type() != DefectType.FREEZE && d.type() != DefectType.BLACK) {
                continue;
            }
            int first = frameAtOrAfter(d.start(), frameRate);
            int end = frameAtOrAfter(d.end(), frameRate);
            for (Shot shot : shots) {
                if (shot.still() && shot.overlapsOrTouches(first, end) && !shot.contains(first, end)) {
                    throw new IllegalArgumentException(id + ": " + d.type().jsonName() + "@" + d.start()
                            + " overlaps or touches the " + shot.content().jsonName() + " shot from "
                            + shot.firstFrame() / frameRate + " s: put it inside that shot or away from it");
                }
            }
        }
    }

    /**
     * The sync pattern flashes once a second, which would break a flat or black shot the truth calls still (from 2 s
     * on); flashes are left out on injected freeze and black only.
     */
    private static void checkNoFlashOnStillShots(String id, boolean syncPattern, List<Shot> shots, double frameRate) {
        if (!syncPattern) {
            return;
        }
        for (Shot shot : shots) {
            if (shot.still()) {
                throw new IllegalArgumentException(id + ": the sync pattern would flash on the "
                        + shot.content().jsonName() + " shot from " + shot.firstFrame() / frameRate
                        + " s, which must stay still: cut to moving content or leave the sync pattern out");
            }
        }
    }

    private static void check(InjectedDefect d, String id, double duration, boolean video, boolean audio,
                              boolean syncPattern) {
        String what = id + ": " + d.type().jsonName() + "@" + d.start();
        if (d.end() > duration) {
            throw new IllegalArgumentException(what + " ends at " + d.end() + " s, after the stream (" + duration + " s)");
        }
        boolean needsVideo = d.type() != DefectType.SILENCE;
        boolean needsAudio = d.type() == DefectType.SILENCE || d.type() == DefectType.AV_SYNC;
        if (needsVideo && !video || needsAudio && !audio) {
            throw new IllegalArgumentException(what + " needs " + (needsVideo && !video ? "video" : "audio"));
        }
        if (d.type() == DefectType.AV_SYNC && !syncPattern) {
            throw new IllegalArgumentException(what + " needs the sync pattern");
        }
    }

    /** The same stream showing {@code kind} of pictures (up to its first scene cut, if it has any). */
    public StreamSpec withContent(PictureContent kind) {
        return new StreamSpec(id, seed, duration, frameRate, width, height, segmentDuration, video, audio,
                syncPattern, kind, defects, encoding, cuts);
    }

    /** A clean 1280x720, 25 fps, 20 s stream of moving texture with video and audio, 2 s segments. */
    public static StreamSpec of(String id, long seed) {
        return new StreamSpec(id, seed, DEFAULT_DURATION, DEFAULT_FRAME_RATE, DEFAULT_WIDTH, DEFAULT_HEIGHT,
                DEFAULT_SEGMENT, true, true, false, PictureContent.TEXTURE, List.of(), VideoEncoding.DEFAULT,
                List.of());
    }

    public StreamSpec withDuration(double seconds) {
        return new StreamSpec(id, seed, seconds, frameRate, width, height, segmentDuration, video, audio,
                syncPattern, content, defects, encoding, cuts);
    }

    public StreamSpec withSize(int w, int h) {
        return new StreamSpec(id, seed, duration, frameRate, w, h, segmentDuration, video, audio, syncPattern,
                content, defects, encoding, cuts);
    }

    public StreamSpec withSeed(long s) {
        return new StreamSpec(id, s, duration, frameRate, width, height, segmentDuration, video, audio,
                syncPattern, content, defects, encoding, cuts);
    }

    public StreamSpec withId(String newId) {
        return new StreamSpec(newId, seed, duration, frameRate, width, height, segmentDuration, video, audio,
                syncPattern, content, defects, encoding, cuts);
    }

    /** The same stream with the flash/beep sync pattern. */
    public StreamSpec withSyncPattern() {
        return new StreamSpec(id, seed, duration, frameRate, width, height, segmentDuration, video, audio, true,
                content, defects, encoding, cuts);
    }

    /** The same stream without audio. */
    public StreamSpec videoOnly() {
        return new StreamSpec(id, seed, duration, frameRate, width, height, segmentDuration, true, false, false,
                content, defects, encoding, cuts);
    }

    /** The same stream without video (so without scene cuts). */
    public StreamSpec audioOnly() {
        return new StreamSpec(id, seed, duration, frameRate, width, height, segmentDuration, false, true, false,
                content, defects, encoding, List.of());
    }

    /** The same stream encoded as {@code how} says. */
    public StreamSpec withEncoding(VideoEncoding how) {
        return new StreamSpec(id, seed, duration, frameRate, width, height, segmentDuration, video, audio,
                syncPattern, content, defects, how, cuts);
    }

    /** The same stream with {@code more} defects added. */
    public StreamSpec with(InjectedDefect... more) {
        List<InjectedDefect> all = new ArrayList<>(defects);
        all.addAll(List.of(more));
        return new StreamSpec(id, seed, duration, frameRate, width, height, segmentDuration, video, audio,
                syncPattern, content, all, encoding, cuts);
    }

    /** The same stream with {@code more} scene cuts after its own (in time order). */
    public StreamSpec withCuts(SceneCut... more) {
        List<SceneCut> all = new ArrayList<>(cuts);
        all.addAll(List.of(more));
        return new StreamSpec(id, seed, duration, frameRate, width, height, segmentDuration, video, audio,
                syncPattern, content, defects, encoding, all);
    }

    /** Number of pictures. */
    public int frameCount() {
        return (int) Math.round(duration * frameRate);
    }

    /** The shots between the scene cuts, in order; one shot of the whole stream when there is no cut. */
    List<Shot> shots() {
        return shots(content, seed, cuts, frameRate, frameCount());
    }

    private static List<Shot> shots(PictureContent content, long seed, List<SceneCut> cuts, double frameRate,
                                    int frameCount) {
        List<Shot> shots = new ArrayList<>();
        int first = 0;
        PictureContent shown = content;
        long shownSeed = seed;
        for (SceneCut cut : cuts) {
            int next = frameAtOrAfter(cut.time(), frameRate);
            shots.add(new Shot(first, next, shown, shownSeed));
            first = next;
            shown = cut.content();
            shownSeed = cut.seed();
        }
        shots.add(new Shot(first, frameCount, shown, shownSeed));
        return shots;
    }

    /** First picture whose time is at or after {@code t}: where a defect or a cut at {@code t} takes effect. */
    int frameAtOrAfter(double t) {
        return frameAtOrAfter(t, frameRate);
    }

    private static int frameAtOrAfter(double t, double frameRate) {
        return (int) Math.ceil(t * frameRate - 1e-9);
    }

    /** The injected defects of one type. */
    public List<InjectedDefect> defects(DefectType type) {
        return defects.stream().filter(d -> d.type() == type).toList();
    }
}
