package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoCodec;
import avmon.core.synth.VideoEncoding;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingPlanTest {

    private static final List<PictureSize> SIZES = List.of(new PictureSize(1280, 720), new PictureSize(640, 360));

    private static TrainingPlan plan(EncodingMix mix) {
        return new TrainingPlan(1, 12, 4, SIZES, mix);
    }

    @Test
    void streams_defaultMix_everyStreamTheGeneratorDefault() {
        for (TrainingStream s : plan(EncodingMix.DEFAULT).streams()) {
            assertEquals(VideoEncoding.DEFAULT, s.encoding(), s.id() + " is encoded as the generator's default");
        }
    }

    @Test
    void streams_variedMix_sameContentSeedsAndDamageAsTheDefault() {
        List<TrainingStream> varied = plan(EncodingMix.VARIED).streams();
        List<TrainingStream> plain = plan(EncodingMix.DEFAULT).streams();
        assertEquals(plain.size(), varied.size(), "as many streams");
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).seed(), varied.get(i).seed(), plain.get(i).id() + ": same seed");
            assertEquals(plain.get(i).damage(), varied.get(i).damage(), plain.get(i).id() + ": same damage");
            assertEquals(plain.get(i).size(), varied.get(i).size(), plain.get(i).id() + ": same size");
        }
    }

    @Test
    void streams_variedMix_everyCodecRateControlAndBFramesInEverySplit() {
        for (Split split : List.of(Split.TRAIN, Split.VALIDATION, Split.TEST)) {
            List<TrainingStream> streams = plan(EncodingMix.VARIED).streams(split);
            Set<VideoCodec> codecs = EnumSet.noneOf(VideoCodec.class);
            streams.forEach(s -> codecs.add(s.encoding().codec()));
            assertEquals(EnumSet.allOf(VideoCodec.class), codecs, split + " has every codec");
            assertTrue(streams.stream().anyMatch(s -> s.encoding().rateControlled()), split + " has rate control");
            assertTrue(streams.stream().anyMatch(s -> !s.encoding().rateControlled()), split + " has constant quantizers");
            assertTrue(streams.stream().anyMatch(s -> s.encoding().bFrames() > 0), split + " has B-frames");
            assertTrue(streams.stream().map(s -> s.encoding().keyframeInterval(25)).distinct().count() > 5,
                    split + " has many keyframe intervals");
        }
    }

    @Test
    void streams_variedMix_keyframeIntervalsWithin12To100Pictures() {
        for (TrainingStream s : plan(EncodingMix.VARIED).streams()) {
            int interval = s.encoding().keyframeInterval(25);
            assertTrue(interval >= 12 && interval <= 100, s.id() + ": keyframe every " + interval + " pictures");
        }
    }

    @Test
    void streams_theSixKindsBeforeGraphics_sameStreamsAsThoseKindsOfTheFullPlan() {
        List<PictureContent> six = List.of(PictureContent.TEXTURE, PictureContent.NOISE, PictureContent.FLAT,
                PictureContent.BLACK, PictureContent.TEXT, PictureContent.PATTERNS);
        List<TrainingStream> before = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.DEFAULT, six).streams(Split.TEST);
        List<TrainingStream> all = plan(EncodingMix.DEFAULT).streams(Split.TEST);
        assertEquals(36, before.size(), "6 test streams of each of 6 kinds");
        assertEquals(before, all.subList(0, 36), "graphics comes last, so the other kinds' streams are unchanged");
    }

    @Test
    void streams_cleanValidation_longCleanStreamsOfEveryKindInEverySize() {
        TrainingPlan plan = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, 2);
        List<TrainingStream> clean = plan.streams(Split.CLEAN_VALIDATION);
        assertEquals(12, clean.size(), "2 streams of each of 6 kinds");
        for (TrainingStream s : clean) {
            assertTrue(s.damage().isEmpty(), s.id() + " is clean");
            assertEquals(Split.CLEAN_VALIDATION, s.split(), s.id() + " is in the clean split");
        }
        for (PictureContent kind : TrainingPlan.COMMITTED_CONTENTS) {
            assertEquals(Set.copyOf(SIZES), clean.stream().filter(s -> s.content() == kind).map(TrainingStream::size)
                    .collect(java.util.stream.Collectors.toSet()), kind + " comes in both sizes");
        }
        assertEquals(TrainingPlan.CLEAN_DURATION, plan.duration(Split.CLEAN_VALIDATION), "long streams");
        assertEquals(4.0, plan.duration(Split.VALIDATION), "the others keep the plan's length");
    }

    @Test
    void streams_cleanValidation_seedsApartAndTheOtherSplitsUnchanged() {
        TrainingPlan without = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS);
        TrainingPlan with = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, 2);
        assertTrue(without.streams(Split.CLEAN_VALIDATION).isEmpty(), "none unless asked for");
        List<TrainingStream> splits = without.streams();
        assertEquals(splits, with.streams().subList(0, splits.size()), "the three splits are the same streams");
        Set<Long> seeds = new java.util.HashSet<>();
        splits.forEach(s -> seeds.add(s.seed()));
        for (TrainingStream s : with.streams(Split.CLEAN_VALIDATION)) {
            assertTrue(seeds.add(s.seed()), s.id() + " has a seed of its own");
        }
    }

    @Test
    void streams_freezeStreams_everyMovingKindInEverySplitAfterTheOthers() {
        TrainingPlan without = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, 2);
        TrainingPlan with = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, 2, 4);
        assertAddedAfterTheOthers(without, with, 4, PictureContent::moves);
        for (Split split : Split.values()) {
            assertTrue(without.streams(split).stream().allMatch(s -> s.freezes().isEmpty()),
                    split + ": only freeze streams freeze");
        }
    }

    /**
     * {@code with}'s streams of each split are {@code without}'s, then {@code perKind} more (half in validation and
     * test, none in clean validation) of each kind {@code added} picks.
     */
    private static void assertAddedAfterTheOthers(TrainingPlan without, TrainingPlan with, int perKind,
                                                  java.util.function.Predicate<PictureContent> added) {
        for (Split split : Split.values()) {
            List<TrainingStream> before = without.streams(split);
            List<TrainingStream> after = with.streams(split);
            assertEquals(before, after.subList(0, before.size()), split + ": the other streams are unchanged");
            List<TrainingStream> extra = after.subList(before.size(), after.size());
            int expected = split == Split.TRAIN ? perKind : split == Split.CLEAN_VALIDATION ? 0 : perKind / 2;
            for (PictureContent kind : TrainingPlan.COMMITTED_CONTENTS) {
                long count = extra.stream().filter(s -> s.content() == kind).count();
                assertEquals(added.test(kind) ? expected : 0, count, split + " " + kind);
            }
        }
    }

    @Test
    void streams_freezeStreams_freezeEndsInsideTheStreamAndDamageComesAfterIt() {
        TrainingPlan plan = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, 0, 8);
        List<TrainingStream> freezes = plan.streams().stream().filter(s -> !s.freezes().isEmpty()).toList();
        assertEquals(4 * (8 + 4 + 4), freezes.size(), "8 training, 4 validation and 4 test streams per moving kind");
        Set<Long> seeds = new java.util.HashSet<>();
        plan.streams().forEach(s -> seeds.add(s.seed()));
        assertEquals(plan.streams().size(), seeds.size(), "every stream has a seed of its own");
        for (TrainingStream s : freezes) {
            assertEquals(1, s.freezes().size(), s.id() + " freezes once");
            var freeze = s.freezes().get(0);
            assertTrue(freeze.start() > 0 && freeze.end() < 4, s.id() + ": motion before and after " + freeze);
            for (var d : s.damage()) {
                assertTrue(d.start() >= freeze.end() && d.end() <= 4, s.id() + ": damage " + d + " after " + freeze);
            }
        }
        assertEquals(freezes.size() / 2, freezes.stream().filter(s -> !s.damage().isEmpty()).count(), "half are damaged");
        assertEquals(Set.copyOf(SIZES), freezes.stream().map(TrainingStream::size)
                .collect(java.util.stream.Collectors.toSet()), "both sizes");
    }

    @Test
    void streams_stillDamageStreams_everyStillKindInEverySplitAfterTheOthers() {
        TrainingPlan without = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, 2, 4);
        TrainingPlan with = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, 2, 4, 6);
        assertAddedAfterTheOthers(without, with, 6, kind -> !kind.moves());
    }

    @Test
    void streams_stillDamageStreams_damageCoversAForcedKeyframeInsideTheStream() {
        TrainingPlan plan = new TrainingPlan(1, 12, 4, SIZES, EncodingMix.VARIED, TrainingPlan.COMMITTED_CONTENTS, 0, 0, 8);
        List<TrainingStream> still = plan.streams().stream().filter(s -> s.id().contains("-still-")).toList();
        assertEquals(2 * (8 + 4 + 4), still.size(), "8 training, 4 validation and 4 test streams per still kind");
        for (TrainingStream s : still) {
            assertEquals(1, s.damage().size(), s.id() + " is damaged once");
            var damage = s.damage().get(0);
            double interval = s.encoding().keyframeSeconds();
            long keyframe = Math.round(Math.ceil(damage.start() / interval - 1e-9));
            boolean laterFits = interval <= 4 - 0.1;
            assertTrue((keyframe >= 1 || !laterFits) && keyframe * interval < damage.end() && damage.end() <= 4,
                    s.id() + ": " + damage + " covers a forced keyframe, after the first where one fits, every "
                            + interval + " s");
        }
        assertEquals(Set.copyOf(SIZES), still.stream().map(TrainingStream::size)
                .collect(java.util.stream.Collectors.toSet()), "both sizes");
    }

    @Test
    void constructor_negativeStillDamageStreams_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingPlan(1, 12, 4,
                SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, 0, 0, -2));
        assertTrue(e.getMessage().contains("-2 still damage streams"), "says why: " + e.getMessage());
    }

    @Test
    void constructor_negativeFreezeStreams_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingPlan(1, 12, 4,
                SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, 0, -3));
        assertTrue(e.getMessage().contains("-3 freeze streams"), "says why: " + e.getMessage());
    }

    @Test
    void constructor_negativeCleanValidation_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingPlan(1, 12, 4,
                SIZES, EncodingMix.DEFAULT, TrainingPlan.COMMITTED_CONTENTS, -1));
        assertTrue(e.getMessage().contains("-1 clean validation streams"), "says why: " + e.getMessage());
    }

    @Test
    void constructor_repeatedContent_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingPlan(1, 12, 4,
                SIZES, EncodingMix.VARIED, List.of(PictureContent.TEXT, PictureContent.TEXT)));
        assertTrue(e.getMessage().contains("different picture contents"), "says why: " + e.getMessage());
    }

    @Test
    void streams_sameSeedTwice_sameEncodings() {
        assertEquals(plan(EncodingMix.VARIED).streams(), plan(EncodingMix.VARIED).streams(), "the seed decides everything");
    }
}
