package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.DefectType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scene cuts in a {@link StreamSpec}: the shots they make, and the cuts a spec refuses. */
class SceneCutSpecTest {

    /** 10 s of texture (seed 1) at 25 fps. */
    private static final StreamSpec TEXTURE = StreamSpec.of("cuts", 1).withSize(320, 180).withDuration(10);

    @Test
    void shots_cutsInOrder_oneShotBetweenEachPairOnThePicturesAtOrAfterTheCut() {
        StreamSpec spec = TEXTURE.withCuts(new SceneCut(2.5, PictureContent.TEXT, 7),
                new SceneCut(4.01, PictureContent.TEXTURE, 8));

        assertEquals(List.of(new Shot(0, 63, PictureContent.TEXTURE, 1), new Shot(63, 101, PictureContent.TEXT, 7),
                new Shot(101, 250, PictureContent.TEXTURE, 8)), spec.shots(),
                "2.5 s falls between pictures 62 and 63, 4.01 s between 100 and 101; the last shot runs to the end");
    }

    @Test
    void shots_noCut_oneShotOfTheWholeStream() {
        assertEquals(List.of(new Shot(0, 250, PictureContent.TEXTURE, 1)), TEXTURE.shots(), "one shot");
    }

    @Test
    void withCuts_sameKindAndSeedAsBefore_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TEXTURE.withCuts(new SceneCut(3, PictureContent.TEXTURE, 1)), "a cut that changes nothing");
        assertTrue(e.getMessage().contains("would change nothing"), e.getMessage());
    }

    @Test
    void withCuts_blackToBlackOrFlatToTheSameLevel_isRejected() {
        long other = otherSeedOfTheSameFlatLevel(3);
        StreamSpec black = TEXTURE.withCuts(new SceneCut(2, PictureContent.BLACK, 1));
        StreamSpec flat = TEXTURE.withCuts(new SceneCut(2, PictureContent.FLAT, 3));

        assertThrows(IllegalArgumentException.class, () -> black.withCuts(new SceneCut(4, PictureContent.BLACK, 2)),
                "black with another seed is the same black");
        assertThrows(IllegalArgumentException.class, () -> flat.withCuts(new SceneCut(4, PictureContent.FLAT, other)),
                "flat pictures of the same level, from seeds 3 and " + other);
        assertDoesNotThrow(() -> flat.withCuts(new SceneCut(4, PictureContent.TEXTURE, 3)),
                "another kind with the same seed is another picture");
    }

    @Test
    void withCuts_outOfOrderOnOnePictureOrAtTheEnd_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> TEXTURE.withCuts(new SceneCut(5, PictureContent.TEXT, 2),
                new SceneCut(4, PictureContent.NOISE, 2)), "cuts out of time order");
        assertThrows(IllegalArgumentException.class, () -> TEXTURE.withCuts(new SceneCut(4.99, PictureContent.TEXT, 2),
                new SceneCut(5, PictureContent.NOISE, 2)), "two cuts on picture 125, so an empty shot");
        assertThrows(IllegalArgumentException.class, () -> TEXTURE.withCuts(new SceneCut(9.99, PictureContent.TEXT, 2)),
                "a cut after the last picture (9.96 s)");
        assertThrows(IllegalArgumentException.class, () -> new SceneCut(0, PictureContent.TEXT, 2),
                "a cut at the start is just the stream's content");
    }

    @Test
    void withCuts_noVideo_isRejectedAndAudioOnlyDropsTheCuts() {
        StreamSpec cut = TEXTURE.withCuts(new SceneCut(2, PictureContent.TEXT, 2));

        assertEquals(List.of(), cut.audioOnly().cuts(), "a stream without video has no pictures to cut");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TEXTURE.audioOnly().withCuts(new SceneCut(2, PictureContent.TEXT, 2)), "cuts need video");
        assertTrue(e.getMessage().contains("need video"), e.getMessage());
    }

    @Test
    void with_blackTouchingABlackShot_isRejected() {
        StreamSpec spec = TEXTURE.withCuts(new SceneCut(4, PictureContent.BLACK, 1),
                new SceneCut(7, PictureContent.TEXT, 1));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec.with(InjectedDefect.of(DefectType.BLACK, 2, 2)),
                "black from 2 to 4 s and the black shot from 4 s would be one black stretch, not two");
        assertTrue(e.getMessage().contains("black shot from 4.0 s"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec.with(InjectedDefect.of(DefectType.FREEZE, 6, 2)),
                "a freeze across the end of the black shot");
    }

    @Test
    void with_freezeInsideAStillShotOrAwayFromIt_isAccepted() {
        StreamSpec spec = TEXTURE.withCuts(new SceneCut(4, PictureContent.FLAT, 1),
                new SceneCut(7, PictureContent.TEXT, 1));

        assertDoesNotThrow(() -> spec.with(InjectedDefect.of(DefectType.FREEZE, 4.5, 2)), "inside the flat shot");
        assertDoesNotThrow(() -> spec.with(InjectedDefect.of(DefectType.BLACK, 7.5, 2)), "inside the text shot");
    }

    @Test
    void withSyncPattern_cutToAStillShot_isRejected() {
        StreamSpec spec = TEXTURE.withCuts(new SceneCut(4, PictureContent.FLAT, 1),
                new SceneCut(7, PictureContent.TEXT, 1));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, spec::withSyncPattern,
                "a flash every second would break the flat shot's freeze");
        assertTrue(e.getMessage().contains("flat shot from 4.0 s"), e.getMessage());
        assertDoesNotThrow(() -> TEXTURE.withCuts(new SceneCut(4, PictureContent.TEXT, 1)).withSyncPattern(),
                "flashes over moving shots");
    }

    @Test
    void withContent_keepsTheCutsAndChangesTheFirstShot() {
        StreamSpec spec = TEXTURE.withCuts(new SceneCut(4, PictureContent.FLAT, 1)).withContent(PictureContent.NOISE);

        assertEquals(PictureContent.NOISE, spec.shots().get(0).content(), "the first shot");
        assertEquals(PictureContent.FLAT, spec.shots().get(1).content(), "the cut's shot");
    }

    /** A seed other than {@code seed} whose flat level is the same. */
    private static long otherSeedOfTheSameFlatLevel(long seed) {
        long other = seed + 1;
        while (FlatRenderer.levelFor(other) != FlatRenderer.levelFor(seed)) {
            other++;
        }
        return other;
    }
}
