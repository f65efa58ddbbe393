package avmon.core.corruption;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.ByteBuffer;

/**
 * Pre- and post-processing of {@link CorruptionNet}: a {@link FramePair} becomes a {@code (2, height, width)}
 * tensor of 8-bit levels, the current picture then the previous one, copied as they are (the network in its
 * inference form, {@link CorruptionNet#forLevels}, scales them itself); the network's region logits become the
 * probability that the picture is corrupted (its worst region's). Batches are stacked.
 *
 * <p>Training feeds the network as built ({@link CorruptionNet#build}) with {@link #tensor}: the same pair scaled
 * in Java, which the inference form reproduces to float rounding.
 */
public final class CorruptionTranslator implements Translator<FramePair, Float> {

    @Override
    public NDList processInput(TranslatorContext ctx, FramePair input) {
        return new NDList(ctx.getNDManager().create(ByteBuffer.wrap(levels(input)),
                new Shape(CorruptionNet.CHANNELS, input.height(), input.width()), DataType.UINT8));
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }

    @Override
    public Float processOutput(TranslatorContext ctx, NDList list) {
        return probability(worstRegion(list.singletonOrThrow().toFloatArray()));
    }

    /** The highest of a picture's region logits: corruption anywhere makes the picture corrupted. */
    public static float worstRegion(float[] regionLogits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : regionLogits) {
            max = Math.max(max, logit);
        }
        return max;
    }

    /** The inference input of one pair: the current picture's levels, then the previous picture's. */
    static byte[] levels(FramePair pair) {
        int n = pair.width() * pair.height();
        byte[] out = new byte[CorruptionNet.CHANNELS * n];
        System.arraycopy(pair.current(), 0, out, 0, n);
        System.arraycopy(pair.previous(), 0, out, n, n);
        return out;
    }

    /** The training input of one pair, channel by channel, row by row. */
    public static float[] tensor(FramePair pair) {
        int n = pair.width() * pair.height();
        float[] out = new float[CorruptionNet.CHANNELS * n];
        byte[] current = pair.current();
        byte[] previous = pair.previous();
        for (int i = 0; i < n; i++) {
            int now = current[i] & 0xff;
            out[i] = now / 255f;
            out[n + i] = (now - (previous[i] & 0xff)) / 255f;
        }
        return out;
    }

    /** The logistic function: a logit to a probability. */
    public static float probability(float logit) {
        return (float) (1 / (1 + Math.exp(-logit)));
    }
}
