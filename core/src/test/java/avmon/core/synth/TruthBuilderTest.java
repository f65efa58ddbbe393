package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.evaluate.GroundTruth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ground truth of streams with scene cuts, written without encoding anything. */
class TruthBuilderTest {

    /** 12 s of texture (seed 1) at 25 fps. */
    private static final StreamSpec TEXTURE = StreamSpec.of("cuts", 1).withSize(320, 180).withDuration(12);

    private static GroundTruth truth(StreamSpec spec) {
        return new TruthBuilder(new InjectionPlan(spec, StreamEncoder.SAMPLE_RATE), 0).build(List.of());
    }

    private static Defect defect(DefectType type, double start, Double end) {
        return new Defect(type, start, end, null, null);
    }

    @Test
    void build_cutsBetweenMovingShots_noDefectAndTheCutsOnTheirPictures() {
        GroundTruth truth = truth(TEXTURE.withCuts(new SceneCut(1.5, PictureContent.TEXT, 2),
                new SceneCut(3.01, PictureContent.PATTERNS, 3), new SceneCut(7, PictureContent.PATTERNS, 4),
                new SceneCut(9, PictureContent.NOISE, 5)));

        assertEquals(List.of(), truth.defects(), "a cut is not a defect");
        assertEquals(List.of(1.52, 3.04, 7.0, 9.0), truth.sceneCuts(),
                "each cut at the first picture of its shot (1.5 s and 3.01 s fall between pictures)");
    }

    @Test
    void build_blackShotOfTwoSeconds_blackAndFreezeFromCutToCut() {
        GroundTruth truth = truth(TEXTURE.withCuts(new SceneCut(3, PictureContent.BLACK, 1),
                new SceneCut(5, PictureContent.TEXT, 1)));

        assertEquals(List.of(defect(DefectType.FREEZE, 3.0, 5.0), defect(DefectType.BLACK, 3.0, 5.0)),
                truth.defects(), "the black and freeze detectors are right on a black shot as long as their minimum");
    }

    @Test
    void build_stillShotsShorterThanTwoSeconds_nothing() {
        GroundTruth truth = truth(TEXTURE.withCuts(new SceneCut(3, PictureContent.BLACK, 1),
                new SceneCut(4.96, PictureContent.FLAT, 1), new SceneCut(6.92, PictureContent.TEXT, 1)));

        assertEquals(List.of(), truth.defects(), "1.96 s of black, then 1.96 s of flat gray: each below 2 s");
    }

    @Test
    void build_flatShotToTheEnd_freezeWithoutEndAndNoBlack() {
        GroundTruth truth = truth(TEXTURE.withCuts(new SceneCut(8.5, PictureContent.FLAT, 1)));

        assertEquals(List.of(defect(DefectType.FREEZE, 8.52, null)), truth.defects(),
                "a freeze still running at the end has no end; flat gray is not black");
    }

    @Test
    void build_blackShotToTheEnd_blackToTheEndOfTheLastPicture() {
        GroundTruth truth = truth(TEXTURE.withCuts(new SceneCut(9, PictureContent.BLACK, 1)));

        assertEquals(List.of(defect(DefectType.FREEZE, 9.0, null), defect(DefectType.BLACK, 9.0, 12.0)),
                truth.defects(), "as for a stream that is black throughout");
    }

    @Test
    void build_blackFirstShot_blackFromTheStart() {
        GroundTruth truth = truth(TEXTURE.withContent(PictureContent.BLACK)
                .withCuts(new SceneCut(2.5, PictureContent.NOISE, 1)));

        assertEquals(List.of(defect(DefectType.FREEZE, 0.0, 2.52), defect(DefectType.BLACK, 0.0, 2.52)),
                truth.defects(), "black until the first picture of the noise shot");
    }

    @Test
    void build_noCutStillContent_asBeforeCuts() {
        GroundTruth truth = truth(TEXTURE.withContent(PictureContent.BLACK)
                .with(InjectedDefect.of(DefectType.FREEZE, 3, 4)));

        assertEquals(List.of(defect(DefectType.FREEZE, 0.0, null), defect(DefectType.BLACK, 0.0, 12.0)),
                truth.defects(), "black throughout; the injected freeze lies inside and adds nothing");
        assertEquals(List.of(), truth.sceneCuts(), "no cut");
    }

    @Test
    void build_injectedFreezeAcrossACut_theFreezeAsInjected() {
        GroundTruth truth = truth(TEXTURE.withCuts(new SceneCut(5, PictureContent.TEXT, 1))
                .with(InjectedDefect.of(DefectType.FREEZE, 4, 2.5)));

        assertEquals(List.of(defect(DefectType.FREEZE, 4.0, 6.52)), truth.defects(),
                "the frozen picture hides the cut; the text shot shows from the first picture after the freeze");
    }

    @Test
    void build_freezeInsideAStillShot_addsNothing() {
        GroundTruth truth = truth(TEXTURE.withCuts(new SceneCut(2, PictureContent.FLAT, 1),
                new SceneCut(8, PictureContent.TEXT, 1)).with(InjectedDefect.of(DefectType.FREEZE, 3, 3)));

        assertEquals(List.of(defect(DefectType.FREEZE, 2.0, 8.0)), truth.defects(), "the flat shot's one freeze");
    }
}
