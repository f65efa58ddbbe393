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
import avmon.core.corruption.CorruptionTranslator;
import avmon.core.corruption.FramePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains {@link CorruptionNet} on labelled pictures with Adam and binary cross-entropy, keeping the weights of
 * the epoch with the lowest validation loss. Batches are shuffled by a {@link Random} of the given seed and the
 * engine's own seed is set from it too, so the same seed and data give the same weights (up to the float
 * rounding of PyTorch's multi-threaded CPU kernels).
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
    private final Consumer<String> progress;

    public CorruptionTrainer(long seed, int epochs, Consumer<String> progress) {
        this.seed = seed;
        this.epochs = epochs;
        this.progress = progress;
    }

    /** Trains on every picture of {@code train}, validating on {@code validation} after each epoch. */
    public Result train(List<LabelledStream> train, List<LabelledStream> validation) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        List<Sample> trainSamples = samples(train);
        List<Sample> validationSamples = samples(validation);
        int width = train.get(0).width();
        int height = train.get(0).height();
        Model model = Model.newInstance("corruption", Device.cpu(), "PyTorch");
        model.setBlock(CorruptionNet.build());
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

    /** One picture to learn from. */
    private record Sample(FramePair pair, boolean corrupted) {
    }

    /**
     * Half the samples mirrored left to right (both pictures): corruption looks the same either way round,
     * and the network should not learn where things sit in the few pictures it is trained on.
     */
    private static List<Sample> mirrorSome(List<Sample> samples, Random random) {
        List<Sample> out = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            out.add(random.nextBoolean() ? s : new Sample(mirror(s.pair()), s.corrupted()));
        }
        return out;
    }

    private static FramePair mirror(FramePair p) {
        return new FramePair(p.width(), p.height(), mirror(p.current(), p.width()), mirror(p.previous(), p.width()));
    }

    private static byte[] mirror(byte[] picture, int width) {
        byte[] out = new byte[picture.length];
        for (int row = 0; row < picture.length; row += width) {
            for (int x = 0; x < width; x++) {
                out[row + x] = picture[row + width - 1 - x];
            }
        }
        return out;
    }

    private static List<Sample> samples(List<LabelledStream> streams) {
        List<Sample> samples = new ArrayList<>();
        for (LabelledStream s : streams) {
            for (int i = 0; i < s.size(); i++) {
                samples.add(new Sample(s.pair(i), s.corrupted()[i]));
            }
        }
        return samples;
    }

    private static double trainEpoch(Trainer trainer, List<Sample> samples) {
        double sum = 0;
        for (int from = 0; from < samples.size(); from += BATCH) {
            List<Sample> batch = samples.subList(from, Math.min(samples.size(), from + BATCH));
            try (NDManager manager = trainer.getManager().newSubManager();
                 GradientCollector gradients = trainer.newGradientCollector()) {
                NDList[] xy = batch(manager, batch);
                NDArray loss = trainer.getLoss().evaluate(xy[1], trainer.forward(xy[0]));
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
                NDList[] xy = batch(manager, batch);
                sum += trainer.getLoss().evaluate(xy[1], trainer.evaluate(xy[0])).getFloat() * batch.size();
            }
        }
        return sum / samples.size();
    }

    /** Inputs {@code (n, 2, h, w)} and labels {@code (n, 1)} of a batch. */
    private static NDList[] batch(NDManager manager, List<Sample> batch) {
        FramePair first = batch.get(0).pair();
        int size = CorruptionNet.CHANNELS * first.width() * first.height();
        float[] x = new float[batch.size() * size];
        float[] y = new float[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(CorruptionTranslator.tensor(batch.get(i).pair()), 0, x, i * size, size);
            y[i] = batch.get(i).corrupted() ? 1 : 0;
        }
        NDArray input = manager.create(x, new Shape(batch.size(), CorruptionNet.CHANNELS, first.height(), first.width()));
        NDArray labels = manager.create(y, new Shape(batch.size(), 1));
        return new NDList[] {new NDList(input), new NDList(labels)};
    }
}
