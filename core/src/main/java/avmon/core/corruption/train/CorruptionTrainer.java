package avmon.core.corruption.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import avmon.core.corruption.CorruptionNet;
import avmon.core.corruption.NetworkShape;
import avmon.core.corruption.CorruptionTranslator;
import avmon.core.corruption.FramePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains {@link CorruptionNet} with Adam on two binary cross-entropies: each region of the network's output
 * against where the picture differs from its clean decode ({@link TileGrid}), and the picture's worst region
 * against the picture's label. The region labels tell the network where the damage is, a far stronger signal
 * than one label per picture; a corrupted picture whose damage shows in no tile at the model's size (too faint
 * once scaled down) teaches through its picture label only. Keeps the weights of the epoch with the lowest
 * validation loss. Batches are shuffled by a {@link Random} of the given seed and the engine's own seed is set
 * from it too, so the same seed and data give the same weights when PyTorch runs on one thread.
 */
public final class CorruptionTrainer {

    /** Loss per epoch, on the training and the validation pictures. */
    public record Epoch(int number, double trainLoss, double validationLoss) {
    }

    /** The trained model and how it got there. */
    public record Result(Model model, List<Epoch> epochs, int bestEpoch) {
    }

    private static final int BATCH = 32;
    private static final float LEARNING_RATE = 2e-3f;

    private final long seed;
    private final int epochs;
    private final NetworkShape shape;
    private final boolean referencePairs;
    private final Consumer<String> progress;

    /**
     * A trainer of {@link CorruptionNet#build(NetworkShape)} of {@code shape}.
     *
     * @param referencePairs whether some pictures are paired with one further back ({@link #gap}); otherwise each
     *                       picture is paired with the one before it
     */
    public CorruptionTrainer(long seed, int epochs, NetworkShape shape, boolean referencePairs,
                             Consumer<String> progress) {
        this.seed = seed;
        this.epochs = epochs;
        this.shape = shape;
        this.referencePairs = referencePairs;
        this.progress = progress;
    }

    /** Trains on every picture of {@code train}, validating on {@code validation} after each epoch. */
    public Result train(List<LabelledStream> train, List<LabelledStream> validation) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        List<Sample> trainSamples = samples(train, referencePairs);
        List<Sample> validationSamples = samples(validation, referencePairs);
        int width = train.get(0).width();
        int height = train.get(0).height();
        Model model = Model.newInstance("corruption", Device.cpu(), "PyTorch");
        model.setBlock(CorruptionNet.build(shape));
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build());
        List<Epoch> history = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = 0;
        double bestLoss = Double.MAX_VALUE;
        Random random = new Random(seed);
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(1, CorruptionNet.CHANNELS, height, width));
            for (int e = 1; e <= epochs; e++) {
                Collections.shuffle(trainSamples, random);
                double trainLoss = trainEpoch(trainer, mirrorSome(trainSamples, random));
                double validationLoss = loss(trainer, validationSamples);
                history.add(new Epoch(e, trainLoss, validationLoss));
                progress.accept(String.format(java.util.Locale.ROOT,
                        "epoch %d/%d: training loss %.4f, validation loss %.4f", e, epochs, trainLoss, validationLoss));
                if (validationLoss < bestLoss) {
                    bestLoss = validationLoss;
                    bestEpoch = e;
                    best = ModelFiles.weights(model);
                }
            }
        }
        ModelFiles.loadWeights(model, best);
        return new Result(model, history, bestEpoch);
    }

    /** One picture to learn from, paired with the picture {@code gap} before it, mirrored left to right or not. */
    private record Sample(LabelledStream stream, int index, int gap, boolean mirrored) {
        boolean corrupted() {
            return stream.corrupted()[index];
        }
    }

    /**
     * Half the samples mirrored left to right (both pictures and the tile changes): corruption looks the same
     * either way round, and the network should not learn where things sit in the pictures it is trained on.
     */
    private static List<Sample> mirrorSome(List<Sample> samples, Random random) {
        List<Sample> out = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            out.add(new Sample(s.stream(), s.index(), s.gap(), random.nextBoolean()));
        }
        return out;
    }

    /** Each row of a {@code width}-wide picture (or grid) reversed. */
    static byte[] mirror(byte[] picture, int width) {
        byte[] out = new byte[picture.length];
        for (int row = 0; row < picture.length; row += width) {
            for (int x = 0; x < width; x++) {
                out[row + x] = picture[row + width - 1 - x];
            }
        }
        return out;
    }

    private static List<Sample> samples(List<LabelledStream> streams, boolean referencePairs) {
        List<Sample> samples = new ArrayList<>();
        for (LabelledStream s : streams) {
            for (int i = 0; i < s.size(); i++) {
                samples.add(new Sample(s, i, referencePairs ? gap(s, i) : 1, false));
            }
        }
        return samples;
    }

    /**
     * How far back picture {@code index} of the stream finds the picture it is paired with, with reference pairs: 1
     * for four pictures in six, 2 and 3 for one each, drawn from the picture's number and the stream's name (so
     * the same in every epoch and every run). A detector that judges the pictures after a flagged one against the
     * last picture before it shows the network pictures 2 or 3 apart, which a network trained on neighbours alone
     * takes for damage (docs/corruption-model.md, "Session 8").
     */
    static int gap(LabelledStream stream, int index) {
        int pick = Math.floorMod(index * 7 + stream.stream().id().hashCode(), 6);
        return pick < 4 ? 1 : pick - 2;
    }

    private static double trainEpoch(Trainer trainer, List<Sample> samples) {
        double sum = 0;
        for (int from = 0; from < samples.size(); from += BATCH) {
            List<Sample> batch = samples.subList(from, Math.min(samples.size(), from + BATCH));
            try (NDManager manager = trainer.getManager().newSubManager();
                 GradientCollector gradients = trainer.newGradientCollector()) {
                Batch b = batch(manager, batch);
                NDArray loss = b.loss(trainer.forward(new NDList(b.input())).singletonOrThrow());
                gradients.backward(loss);
                sum += loss.getFloat() * batch.size();
            }
            trainer.step();
        }
        return sum / samples.size();
    }

    private static double loss(Trainer trainer, List<Sample> samples) {
        double sum = 0;
        for (int from = 0; from < samples.size(); from += BATCH) {
            List<Sample> batch = samples.subList(from, Math.min(samples.size(), from + BATCH));
            try (NDManager manager = trainer.getManager().newSubManager()) {
                Batch b = batch(manager, batch);
                sum += b.loss(trainer.evaluate(new NDList(b.input())).singletonOrThrow()).getFloat() * batch.size();
            }
        }
        return sum / samples.size();
    }

    /**
     * A batch: inputs {@code (n, 2, h, w)}, picture labels {@code (n)}, region labels {@code (n, 1, rh, rw)} and
     * whether each picture's region labels count {@code (n, 1, 1, 1)}.
     */
    private record Batch(NDArray input, NDArray pictureLabels, NDArray regionLabels, NDArray regionWeights) {

        /** Mean picture loss plus mean region loss over the pictures whose regions count. */
        NDArray loss(NDArray regionLogits) {
            long n = regionLogits.getShape().get(0);
            NDArray pictureLogits = regionLogits.reshape(n, -1).max(new int[] {1});
            NDArray pictureLoss = bce(pictureLogits, pictureLabels).mean();
            NDArray perRegion = bce(regionLogits, regionLabels).mul(regionWeights);
            float counted = regionWeights.sum().getFloat() * regionLogits.getShape().get(2) * regionLogits.getShape().get(3);
            return counted == 0 ? pictureLoss : pictureLoss.add(perRegion.sum().div(counted));
        }

        /** Binary cross-entropy of logits, in the form that does not overflow. */
        private static NDArray bce(NDArray logits, NDArray labels) {
            return logits.maximum(0).sub(logits.mul(labels)).add(logits.abs().neg().exp().add(1).log());
        }
    }

    private static Batch batch(NDManager manager, List<Sample> batch) {
        LabelledStream first = batch.get(0).stream();
        int width = first.width();
        int height = first.height();
        int size = CorruptionNet.CHANNELS * width * height;
        int across = CorruptionNet.regionsAcross(width);
        int down = CorruptionNet.regionsDown(height);
        TileGrid grid = new TileGrid(width, height);
        float[] x = new float[batch.size() * size];
        float[] y = new float[batch.size()];
        float[] regions = new float[batch.size() * across * down];
        float[] weights = new float[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Sample s = batch.get(i);
            FramePair pair = s.stream().pair(s.index(), s.gap());
            byte[] changes = s.stream().tileChanges().get(s.index());
            if (s.mirrored()) {
                pair = new FramePair(width, height, mirror(pair.current(), width), mirror(pair.previous(), width));
                changes = mirror(changes, grid.across());
            }
            System.arraycopy(CorruptionTranslator.tensor(pair), 0, x, i * size, size);
            y[i] = s.corrupted() ? 1 : 0;
            // A clean picture has no changed region; a corrupted one teaches its regions only where its damage
            // shows at this size.
            boolean regionsKnown = !s.corrupted() || TileGrid.anyVisible(changes);
            weights[i] = regionsKnown ? 1 : 0;
            if (s.corrupted() && regionsKnown) {
                float[] r = grid.regionLabels(changes, across, down, CorruptionNet.REGION_STRIDE, CorruptionNet.REGION_REACH);
                System.arraycopy(r, 0, regions, i * across * down, r.length);
            }
        }
        return new Batch(manager.create(x, new Shape(batch.size(), CorruptionNet.CHANNELS, height, width)),
                manager.create(y, new Shape(batch.size())),
                manager.create(regions, new Shape(batch.size(), 1, down, across)),
                manager.create(weights, new Shape(batch.size(), 1, 1, 1)));
    }
}
