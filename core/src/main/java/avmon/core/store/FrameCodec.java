package avmon.core.store;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns analysis frames into the bytes a {@link FrameStore} keeps, and back: pictures as gray PNG, audio as
 * 16-bit little-endian PCM. Both are lossless, so the detector function sees exactly the pictures and samples the
 * monolith sees in memory, and the two designs report the same defects.
 *
 * <p>Why not JPEG, as the case's converter wrote: a frozen picture decodes with tiny differences from frame to
 * frame (well under the freeze threshold), and JPEG can turn those into block-wide differences above it, so a
 * freeze seen by the monolith went missing in the serverless design. PNG costs a little more storage (a 160x90
 * thumbnail is about 10 KB); requests, which dominate the S3 bill, are the same.
 *
 * <p>Image streams are cached in memory, never in temporary files (a Lambda's /tmp is small and shared).
 */
public final class FrameCodec {

    /** The file name extension of stored pictures. */
    public static final String IMAGE_EXTENSION = "png";

    /** The content type of stored pictures. */
    public static final String IMAGE_CONTENT_TYPE = "image/png";

    /** The frame's luma as a gray PNG. */
    public byte[] encodeFrame(AnalysisFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.luma(), 0, pixels, 0, pixels.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.luma().length / 2);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, IMAGE_EXTENSION, stream)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode frame " + frame.index() + " as PNG", e);
        }
        return out.toByteArray();
    }

    /** A frame from its PNG bytes and the manifest entry that carries what the image cannot. */
    public AnalysisFrame decodeFrame(byte[] image, SegmentManifest.FrameEntry entry) {
        BufferedImage picture;
        try {
            picture = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(image)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + entry.key() + " as PNG", e);
        }
        if (picture == null || picture.getWidth() != entry.width() || picture.getHeight() != entry.height()) {
            throw new IllegalArgumentException(entry.key() + " is not a " + entry.width() + "x" + entry.height()
                    + " PNG image");
        }
        byte[] luma = new byte[entry.width() * entry.height()];
        if (picture.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            System.arraycopy(((DataBufferByte) picture.getRaster().getDataBuffer()).getData(), 0, luma, 0, luma.length);
        } else {
            int[] samples = picture.getRaster().getSamples(0, 0, entry.width(), entry.height(), 0, (int[]) null);
            for (int i = 0; i < luma.length; i++) {
                luma[i] = (byte) samples[i];
            }
        }
        return new AnalysisFrame(entry.index(), entry.time(), entry.width(), entry.height(), luma,
                List.copyOf(entry.decoderErrors()), entry.keyframe());
    }

    /** The audio as 16-bit little-endian interleaved PCM. */
    public byte[] encodeAudio(AudioBuffer audio) {
        float[] samples = audio.samples();
        ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            int v = Math.round(s * 32768f);
            out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v)));
        }
        return out.array();
    }

    /** Audio from its PCM bytes and the manifest entry that carries its timing. */
    public AudioBuffer decodeAudio(byte[] pcm, SegmentManifest.AudioEntry entry) {
        if (pcm.length % (2 * entry.channels()) != 0) {
            throw new IllegalArgumentException(entry.key() + " is not 16-bit PCM with " + entry.channels()
                    + " channels (" + pcm.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[pcm.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = in.getShort() / 32768f;
        }
        return new AudioBuffer(entry.time(), entry.sampleRate(), entry.channels(), samples);
    }
}
