package avmon.core.blockiness;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_link;

import avmon.core.media.FfmpegLibrary;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg's own {@code blockdetect} filter, run on gray pictures through libavfilter (buffer -> blockdetect ->
 * buffersink), to check the Java port against the real thing. Not thread-safe; close it.
 */
final class FfmpegBlockdetect implements AutoCloseable {

    private final AVFilterGraph graph = avfilter_graph_alloc();
    private final AVFilterContext source = new AVFilterContext(null);
    private final AVFilterContext sink = new AVFilterContext(null);
    private final AVFrame in = avutil.av_frame_alloc();
    private final AVFrame out = avutil.av_frame_alloc();
    private final int width;
    private final int height;
    private long pts;

    FfmpegBlockdetect(int width, int height) {
        FfmpegLibrary.load();
        this.width = width;
        this.height = height;
        AVFilterContext detect = new AVFilterContext(null);
        String args = "video_size=" + width + "x" + height + ":pix_fmt=" + avutil.AV_PIX_FMT_GRAY8
                + ":time_base=1/25:pixel_aspect=1/1";
        check(avfilter_graph_create_filter(source, avfilter_get_by_name("buffer"), "in", args, null, graph), "buffer");
        check(avfilter_graph_create_filter(detect, avfilter_get_by_name("blockdetect"), "detect", "", null, graph),
                "blockdetect");
        check(avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph),
                "buffersink");
        check(avfilter_link(source, 0, detect, 0), "link");
        check(avfilter_link(detect, 0, sink, 0), "link");
        check(avfilter_graph_config(graph, null), "configure");
    }

    /** The filter's {@code lavfi.block} figure for the next picture (packed gray rows). */
    double next(byte[] luma) {
        in.format(avutil.AV_PIX_FMT_GRAY8).width(width).height(height);
        check(avutil.av_frame_get_buffer(in, 0), "allocate");
        BytePointer plane = in.data(0);
        int stride = in.linesize(0);
        for (int y = 0; y < height; y++) {
            plane.position((long) y * stride).put(luma, y * width, width);
        }
        plane.position(0);
        in.pts(pts++);
        check(av_buffersrc_add_frame(source, in), "push");
        check(av_buffersink_get_frame(sink, out), "pull");
        AVDictionaryEntry entry = avutil.av_dict_get(out.metadata(), "lavfi.block", null, 0);
        double value = Double.parseDouble(entry.value().getString());
        avutil.av_frame_unref(out);
        avutil.av_frame_unref(in);
        return value;
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException("libavfilter: " + what + " failed: " + ret);
        }
    }

    @Override
    public void close() {
        avutil.av_frame_free(in);
        avutil.av_frame_free(out);
        avfilter_graph_free(graph);
    }
}
