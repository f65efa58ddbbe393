package avmon.core.synth;

import java.io.IOException;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/** Takes encoded packets, timestamps in the encoder's time base; the packet is reused after the call. */
interface PacketSink {
    void accept(AVPacket packet) throws IOException;
}
