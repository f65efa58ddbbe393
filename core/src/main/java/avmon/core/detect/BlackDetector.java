package avmon.core.detect;

import avmon.core.media.AnalysisFrame;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.function.Consumer;

/**
 * Black picture, with FFmpeg {@code blackdetect} semantics: a pixel is black when its luma is at most
 * {@link Settings#pixelThreshold()} of the luma range above the range's black level, a picture is black
 * when at least {@link Settings#pictureThreshold()} of its pixels are.
 *
 * <p>Reported when the black run ends: start = first black picture, end = first picture that is not
 * black, if it lasted at least {@link Settings#minDuration()}. A run still black at the end of the input
 * ends there, as FFmpeg reports it.
 */
public final class BlackDetector extends AbstractDetector<BlackDetector.State> {

    /** The detector's name and the key of its state. */
    public static final String NAME = "black";

    /**
     * Thresholds, FFmpeg's defaults in {@link #DEFAULTS}.
     *
     * @param pixelThreshold   a pixel is black at or below this fraction of the luma range (pix_th)
     * @param pictureThreshold a picture is black when at least this fraction of its pixels is (pic_th)
     * @param minDuration      shortest black run reported, in seconds
     * @param fullRange        whether luma spans 0..255 (JPEG range) instead of 16..235 (TV range, H.264's
     *                         default)
     */
    public record Settings(double pixelThreshold, double pictureThreshold, double minDuration, boolean fullRange) {
        public static final Settings DEFAULTS = new Settings(0.10, 0.98, 2.0, false);

        public Settings {
            if (pixelThreshold < 0 || pixelThreshold > 1 || pictureThreshold < 0 || pictureThreshold > 1) {
                throw new IllegalArgumentException("black thresholds must be between 0 and 1");
            }
            if (minDuration < 0) {
                throw new IllegalArgumentException("black duration must not be negative");
            }
        }

        /** The largest luma value called black, computed as FFmpeg does (truncated). */
        public int blackLuma() {
            return fullRange ? (int) (pixelThreshold * 255) : (int) (16 + pixelThreshold * 219);
        }
    }

    /** What the detector remembers between pictures: whether a black run is open and since when. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class State {
        boolean black;
        double blackStart;
    }

    private final Settings settings;
    private final int blackLuma;

    public BlackDetector(Settings settings) {
        super(NAME, State.class, State::new);
        this.settings = settings;
        this.blackLuma = settings.blackLuma();
    }

    @Override
    public State onFrame(State state, AnalysisFrame frame, Consumer<Defect> out) {
        boolean black = isBlack(frame.luma());
        if (black && !state.black) {
            state.black = true;
            state.blackStart = frame.time();
        } else if (!black && state.black) {
            state.black = false;
            report(state.blackStart, frame.time(), out);
        }
        return state;
    }

    @Override
    public State onEnd(State state, double endTime, Consumer<Defect> out) {
        if (state.black) {
            state.black = false;
            report(state.blackStart, endTime, out);
        }
        return state;
    }

    private void report(double start, double end, Consumer<Defect> out) {
        if (Durations.atLeast(end - start, settings.minDuration())) {
            out.accept(new Defect(DefectType.BLACK, start, end, null, NAME));
        }
    }

    /**
     * FFmpeg's ratio test ({@code black / total >= pic_th}), counted a row at a time without branches and
     * given up as soon as too many pixels are lit for the picture to be black: most pictures are not, and
     * this settles them in their first rows.
     */
    private boolean isBlack(byte[] luma) {
        int allowedLit = luma.length - (int) Math.ceil(settings.pictureThreshold() * luma.length - 1e-9);
        int lit = 0;
        int i = 0;
        while (i < luma.length) {
            int chunkEnd = Math.min(luma.length, i + 256);
            for (; i < chunkEnd; i++) {
                // 1 when the pixel is above the black level: (blackLuma - value) is then negative.
                lit += (blackLuma - (luma[i] & 0xff)) >>> 31;
            }
            if (lit > allowedLit) {
                return false;
            }
        }
        return true;
    }
}
