package avmon.core.media;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * Loads FFmpeg's natives once per process, initialises networking and installs the log router. Every class
 * that calls FFmpeg goes through {@link #load()} first, so the order of first use does not matter.
 */
public final class FfmpegLibrary {

    private static volatile boolean loaded;

    private FfmpegLibrary() {
    }

    /** Loads the natives and installs {@link DecoderLog}; cheap after the first call. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (FfmpegLibrary.class) {
            if (!loaded) {
                Loader.load(avutil.class);
                Loader.load(swresample.class);
                Loader.load(avcodec.class);
                Loader.load(avformat.class);
                Loader.load(swscale.class);
                avformat.avformat_network_init();
                DecoderLog.install();
                loaded = true;
            }
        }
    }
}
