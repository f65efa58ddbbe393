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
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns analysis frames into the bytes a {@link FrameStore} keeps, and back: pictures as gray JPEG (what the
 * case's converter wrote), audio as 16-bit little-endian PCM, which is lossless for decoded 16-bit audio.
 *
 * <p>Image streams are cached in memory, never in temporary files (a Lambda's /tmp is small and shared).
 *
 * <p>JPEG is lossy, so a frame read back differs slightly from the one written; identical pictures still
 * encode to identical bytes, so a freeze stays a freeze.
 */
public final class FrameCodec {

    /** JPEG quality used unless told otherwise: high enough that the detectors' thresholds do not move. */
    public static final float DEFAULT_JPEG_QUALITY = 0.95f;

    private final float jpegQuality;

    public FrameCodec() {
        this(DEFAULT_JPEG_QUALITY);
    }

    public FrameCodec(float jpegQuality) {
        if (jpegQuality <= 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], was " + jpegQuality);
        }
        this.jpegQuality = jpegQuality;
    }

    /** The frame's luma as a gray JPEG. */
    public byte[] encodeFrame(AnalysisFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.luma(), 0, pixels, 0, pixels.length);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.luma().length / 4);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpegQuality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode frame " + frame.index() + " as JPEG", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A frame from its JPEG bytes and the manifest entry that carries what JPEG cannot. */
    public AnalysisFrame decodeFrame(byte[] jpeg, SegmentManifest.FrameEntry entry) {
        BufferedImage image;
        try {
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + entry.key() + " as JPEG", e);
        }
        if (image == null || image.getWidth() != entry.width() || image.getHeight() != entry.height()) {
            throw new IllegalArgumentException(entry.key() + " is not a " + entry.width() + "x" + entry.height()
                    + " JPEG image");
        }
        byte[] luma = new byte[entry.width() * entry.height()];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            System.arraycopy(((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, luma, 0, luma.length);
        } else {
            int[] samples = image.getRaster().getSamples(0, 0, entry.width(), entry.height(), 0, (int[]) null);
            for (int i = 0; i < luma.length; i++) {
                luma[i] = (byte) samples[i];
            }
        }
        return new AnalysisFrame(entry.index(), entry.time(), entry.width(), entry.height(), luma,
                List.copyOf(entry.decoderErrors()));
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
