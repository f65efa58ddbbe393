package avmon.core.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avutil;

/** Checks FFmpeg return codes where the generator writes files: a failure is an {@link IOException}. */
final class FfmpegCalls {

    private FfmpegCalls() {
    }

    /** Returns {@code ret} when it is not an error. */
    static int check(int ret, String what) throws IOException {
        if (ret < 0) {
            byte[] text = new byte[256];
            avutil.av_strerror(ret, text, text.length);
            throw new IOException("cannot " + what + ": " + new String(text, StandardCharsets.UTF_8).trim());
        }
        return ret;
    }
}
