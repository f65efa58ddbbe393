package avmon.core.corruption.train;

import avmon.core.corruption.CorruptionNet;
import avmon.core.corruption.NetworkShape;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoCodec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a training run used and measured, written beside the weights as JSON and as Markdown.
 *
 * @param plan            the streams' seed, count, length and size
 * @param inputWidth      model input width
 * @param inputHeight     model input height
 * @param network         the network's shape
 * @param referencePairs  whether some training pictures were paired with one 2 or 3 back
 * @param data            pictures and streams per split
 * @param epochs          loss per epoch
 * @param bestEpoch       the epoch whose weights were kept (lowest validation loss)
 * @param threshold       decision threshold chosen on validation
 * @param targetPrecision the validation precision the threshold was chosen for
 * @param validation      scores on the validation streams
 * @param test            scores on the test streams
 * @param sha256          checksum of the weights
 * @param seconds         wall time of the whole run
 */
public record TrainingReport(TrainingPlan plan, int inputWidth, int inputHeight, NetworkShape network,
                             boolean referencePairs, List<DataSize> data,
                             List<CorruptionTrainer.Epoch> epochs, int bestEpoch, double threshold,
                             double targetPrecision, ModelEvaluation.Result validation, ModelEvaluation.Result test,
                             String sha256, double seconds) {

    /**
     * How much data a split holds.
     *
     * @param split            the split
     * @param streams          streams
     * @param pictures         pictures
     * @param corrupted        corrupted pictures among them
     * @param damageDropped    streams whose damage left no visible trace, kept as clean streams
     */
    public record DataSize(Split split, int streams, int pictures, int corrupted, int damageDropped) {
    }

    /** The report for people: data, epochs, scores and confusion matrices. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Block-corruption model: training report\n\n");
        md.append(String.format(Locale.ROOT, "Reproduce with `avmon train --seed %d --streams-per-kind %d --duration %s"
                        + " --stream-sizes %s%s --input %dx%d --epochs %d%s` (%.0f s here).%n%n",
                plan.seed(), plan.streamsPerKind(), trim(plan.duration()),
                String.join(",", plan.sizes().stream().map(PictureSize::toString).toList()), dataOptions(),
                inputWidth, inputHeight, epochs.size(), networkOptions(), seconds));
        md.append("Weights SHA-256: `").append(sha256).append("`\n\n");
        md.append(String.format(Locale.ROOT, "Network: filters %s, %s, %.1f million multiply-adds per %dx%d picture.%n%n",
                network.filters(), network.pictureContext() ? "picture context" : "no picture context",
                CorruptionNet.multiplyAdds(network, inputWidth, inputHeight) / 1e6, inputWidth, inputHeight));
        md.append("## Data\n\n| split | streams | pictures | corrupted | damage left no trace |\n|---|---|---|---|---|\n");
        for (DataSize d : data) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", d.split().name().toLowerCase(Locale.ROOT),
                    d.streams(), d.pictures(), d.corrupted(), d.damageDropped()));
        }
        md.append("\n## Epochs\n\n| epoch | training loss | validation loss |\n|---|---|---|\n");
        for (CorruptionTrainer.Epoch e : epochs) {
            md.append(String.format(Locale.ROOT, "| %d%s | %.4f | %.4f |%n", e.number(), e.number() == bestEpoch ? " (kept)" : "",
                    e.trainLoss(), e.validationLoss()));
        }
        md.append(String.format(Locale.ROOT, "%nThreshold %.4f: on the validation streams%s, through the detector's rows of flagged pictures (without sudden or still onsets), the best F0.5 of the pictures inside reported runs with no invented run (else the lowest with picture precision >= %.2f). The figures below are the detector's, sudden and still onsets included.%n",
                threshold, plan.cleanStreamsPerKind() == 0 ? "" : " and the clean validation streams", targetPrecision));
        section(md, "Validation", validation);
        section(md, "Test (held out)", test);
        return md.toString();
    }

    /** One evaluation's tables, as in the report. */
    public static String toMarkdown(String title, ModelEvaluation.Result r) {
        StringBuilder md = new StringBuilder();
        section(md, title, r);
        return md.toString();
    }

    private static void section(StringBuilder md, String title, ModelEvaluation.Result r) {
        md.append("\n## ").append(title).append("\n\n");
        md.append("| pictures | precision | recall | TP | FP | FN | TN |\n|---|---|---|---|---|---|---|\n");
        row(md, "model, each picture", r.pictures());
        row(md, "detector (inside a reported defect)", r.detected());
        for (Map.Entry<PictureContent, Confusion> e : r.byContent().entrySet()) {
            row(md, "detector, " + e.getKey().jsonName(), e.getValue());
        }
        for (Map.Entry<VideoCodec, Confusion> e : r.byCodec().entrySet()) {
            row(md, "detector, codec " + e.getKey().jsonName(), e.getValue());
        }
        DefectScore d = r.defects();
        md.append(String.format(Locale.ROOT, "%nEvents: %d of %d found (recall %.3f), %d within 3 pictures of the true start,"
                        + " largest start error %d pictures; %d reported defects match no event.%n", d.found(), d.events(),
                d.recall(), d.startsWithin(3), d.maxStartError(), d.falseDefects()));
        md.append(String.format(Locale.ROOT, "Clean streams: %d (%.0f s), %d false defects.%n", r.cleanStreams(),
                r.cleanSeconds(), r.cleanFalseDefects()));
        Separation sep = r.separation();
        md.append(String.format(Locale.ROOT, "Separation, before any run rule: of the %d events, %d have a moving picture"
                        + " that scores above 99%% of the %d clean moving pictures (%.3f), %d above 99.9%% (%.3f), %d above"
                        + " all of them (%.3f).%n", sep.events(), sep.aboveTop1(), sep.cleanPictures(), sep.cleanTop1(),
                sep.aboveTop01(), sep.cleanTop01(), sep.aboveMax(), sep.cleanMax()));
        if (!r.missed().isEmpty()) {
            md.append("\nMissed events, with the model's probability of each one's first picture:\n\n"
                    + "| stream | start (s) | pictures | first picture |\n|---|---|---|---|\n");
            for (ModelEvaluation.Missed m : r.missed()) {
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %d | %.3f |%n", m.stream(), m.start(), m.pictures(),
                        m.firstProbability()));
            }
        }
    }

    private static void row(StringBuilder md, String what, Confusion c) {
        md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %d | %d | %d | %d |%n", what, c.precision(), c.recall(),
                c.truePositives(), c.falsePositives(), c.falseNegatives(), c.trueNegatives()));
    }

    /** The options that give the network's shape, left out where they are {@code avmon train}'s defaults. */
    private String networkOptions() {
        return network.trainOptions(NetworkShape.FIRST) + (referencePairs ? " --reference-pairs" : "");
    }

    /** The options that choose encodings, contents and clean validation, left out where they are the defaults. */
    private String dataOptions() {
        String clean = plan.cleanStreamsPerKind() == 0 ? "" : " --clean-validation " + plan.cleanStreamsPerKind();
        String mix = plan.encodings() == EncodingMix.DEFAULT ? "" : " --encodings " + plan.encodings().jsonName();
        String kinds = plan.contents().equals(TrainingPlan.COMMITTED_CONTENTS) ? ""
                : " --contents " + String.join(",", plan.contents().stream().map(PictureContent::jsonName).toList());
        String freezes = plan.freezeStreamsPerKind() == 0 ? "" : " --freeze-streams " + plan.freezeStreamsPerKind();
        String still = plan.stillDamageStreamsPerKind() == 0 ? ""
                : " --still-damage-streams " + plan.stillDamageStreamsPerKind();
        return mix + kinds + clean + freezes + still;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
