package avmon.core.media;

import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avutil.Callback_Pointer_int_BytePointer_Pointer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
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
public final class DecoderLog {

    /** Receives the messages logged on its thread while it is set. */
    public interface Sink {
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
    private static final int LINE_SIZE = 1024;
    private static final ThreadLocal<BytePointer> LINE = ThreadLocal.withInitial(() -> new BytePointer(LINE_SIZE));
    private static final ThreadLocal<IntPointer> PRINT_PREFIX = ThreadLocal.withInitial(() -> new IntPointer(1));

    /** Kept in a static field: FFmpeg holds only the native pointer, the JVM must not collect the callback. */
    private static Callback callback;

    private DecoderLog() {
    }

    static synchronized void install() {
        if (callback == null) {
            callback = new Callback();
            avutil.av_log_set_callback(callback);
        }
    }

    /** Sets {@code sink} on the current thread; close the returned scope to restore the previous one. */
    public static Scope capture(Sink sink) {
        FfmpegLibrary.load();
        Sink previous = SINK.get();
        SINK.set(sink);
        return () -> SINK.set(previous);
    }

    /** Sink scope that restores the previous sink on close; it throws nothing. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A sink that hands every message of level {@code maxLevel} or more severe to {@code out}. */
    public static Sink collecting(int maxLevel, Consumer<String> out) {
        return (context, level, message) -> {
            if (level <= maxLevel) {
                out.accept(message);
            }
        };
    }

    private static final class Callback extends Callback_Pointer_int_BytePointer_Pointer {
        @Override
        public void call(Pointer context, int level, BytePointer format, Pointer args) {
            // Skip verbose levels before formatting: FFmpeg calls back for every message, even debug ones.
            if (level > avutil.AV_LOG_INFO) {
                return;
            }
            Sink sink = SINK.get();
            if (sink == null && !LOG.isDebugEnabled()) {
                return;
            }
            BytePointer line = LINE.get();
            IntPointer printPrefix = PRINT_PREFIX.get();
            printPrefix.put(0);
            avutil.av_log_format_line2(context, level, format, args, line, LINE_SIZE, printPrefix);
            String message = line.getString().strip();
            if (message.isEmpty()) {
                return;
            }
            if (sink != null) {
                sink.message(context == null ? 0 : context.address(), level, message);
            } else {
                LOG.debug("{}", message);
            }
        }
    }
}
