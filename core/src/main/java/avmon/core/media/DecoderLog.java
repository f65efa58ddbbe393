package avmon.core.media;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes FFmpeg's log to whoever is decoding on the current thread.
 *
 * <p>FFmpeg has one global log callback. A decoder that wants its own reports sets a {@link Sink} on its
 * thread around each call into FFmpeg ({@link #capture}); decoding runs single-threaded ({@code threads=1}),
 * so a message logged during that call belongs to that decoder. Messages logged on threads without a sink
 * (the encoder of the generator, say) go to SLF4J at debug level.
 */
final class DecoderLog {

    /** Receives the messages logged on its thread while it is set. */
    interface Sink {
        /**
         * One message.
         *
         * @param context the FFmpeg object that logged it (a codec or format context), compared by address
         * @param level   FFmpeg log level ({@code AV_LOG_ERROR} = 16, {@code AV_LOG_WARNING} = 24, ...)
         * @param message the formatted message without prefix or trailing newline
         */
        void message(long context, int level, String message);
    }

    private static final Logger LOG = LoggerFactory.getLogger("avmon.ffmpeg");
    private static final ThreadLocal<Sink> SINK = new ThreadLocal<>();
    /** FFmpeg's line prefix: {@code [name @ 0xaddress] }, possibly nested ({@code [a @ 0x1] [b @ 0x2] }). */
    private static final Pattern PREFIX = Pattern.compile("(?:\\[[^\\]@]* @ 0x([0-9a-fA-F]+)\\]\\s*)+");

    /** Kept in a static field: FFmpeg holds only the native pointer, the JVM must not collect the callback. */
    private static Callback callback;

    private DecoderLog() {
    }

    static synchronized void install() {
        if (callback == null) {
            callback = new Callback();
            avutil.setLogCallback(callback);
        }
    }

    /** Sets {@code sink} on the current thread; close the returned scope to restore the previous one. */
    static Scope capture(Sink sink) {
        FfmpegLibrary.load();
        Sink previous = SINK.get();
        SINK.set(sink);
        return () -> SINK.set(previous);
    }

    /** Sink scope that restores the previous sink on close; it throws nothing. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A sink that hands every message of level {@code maxLevel} or more severe to {@code out}. */
    static Sink collecting(int maxLevel, Consumer<String> out) {
        return (context, level, message) -> {
            if (level <= maxLevel) {
                out.accept(message);
            }
        };
    }

    /**
     * Receives lines already formatted by the presets' C helper ({@code setLogCallback}): handing FFmpeg's
     * {@code va_list} to Java and back is not portable, a formatted line is. The line starts with FFmpeg's
     * prefix, {@code [h264 @ 0x7f...]}, whose address tells which context logged it.
     */
    private static final class Callback extends LogCallback {
        @Override
        public void call(int level, BytePointer line) {
            Sink sink = SINK.get();
            if (sink == null && !LOG.isDebugEnabled()) {
                return;
            }
            String text = line.getString().strip();
            long context = 0;
            Matcher prefix = PREFIX.matcher(text);
            if (prefix.lookingAt()) {
                context = Long.parseUnsignedLong(prefix.group(1), 16);
                text = text.substring(prefix.end());
            }
            if (text.isEmpty()) {
                return;
            }
            if (sink != null) {
                sink.message(context, level, text);
            } else {
                LOG.debug("{}", text);
            }
        }
    }
}
