package avmon.core.corruption;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Pre- and post-processing of {@link CorruptionNet}: a {@link FramePair} becomes a
 * {@code (2, height, width)} float tensor, the picture scaled to 0..1 and its difference from the previous
 * picture scaled to -1..1; the network's region logits become the probability that the picture is corrupted
 * (its worst region's).
 * Training feeds the network through {@link #tensor} too, so both sides see the same numbers.
 */
public final class CorruptionTranslator implements Translator<FramePair, Float> {

    @Override
    public NDList processInput(TranslatorContext ctx, FramePair input) {
        return new NDList(ctx.getNDManager().create(tensor(input),
                new Shape(CorruptionNet.CHANNELS, input.height(), input.width())));
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

    /** The network's input for one pair, channel by channel, row by row. */
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
