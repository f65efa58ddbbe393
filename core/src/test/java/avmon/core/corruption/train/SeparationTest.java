package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeparationTest {

    private static List<Float> flat(float level) {
        return new ArrayList<>(Collections.nCopies(10, level));
    }

    /** Which of ten pictures are still: the listed ones. */
    private static boolean[] still(int... pictures) {
        boolean[] still = new boolean[10];
        for (int i : pictures) {
            still[i] = true;
        }
        return still;
    }

    @Test
    void of_eventAboveEveryCleanPicture_countedAtEveryLevel() {
        List<Float> event = flat(0.1f);
        event.set(4, 0.9f);
        event.set(8, 0.99f);

        Separation s = Separation.of(List.of(TestStreams.tenPictures("clean", Split.TEST, null),
                TestStreams.tenPictures("damaged", Split.TEST, 3)), List.of(flat(0.2f), event), List.of(still(), still()));

        assertEquals(1, s.events(), "one event, pictures 3 to 7 of the second stream");
        assertEquals(9, s.cleanPictures(), "the clean stream's pictures after the first; none of the damaged stream's");
        assertEquals(0.2, s.cleanMax(), 1e-6,
                "the clean stream scores 0.2 throughout; the repairing keyframe at 8 of the damaged stream is not counted");
        assertEquals(List.of(1, 1, 1), List.of(s.aboveTop1(), s.aboveTop01(), s.aboveMax()),
                "0.9 is above every clean picture");
    }

    @Test
    void of_eventAboveMostCleanPicturesOnly_countedAtTheLowerLevelOnly() {
        List<LabelledStream> streams = new ArrayList<>();
        List<List<Float>> probabilities = new ArrayList<>();
        List<boolean[]> still = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            streams.add(TestStreams.tenPictures("clean-" + k, Split.TEST, null));
            probabilities.add(flat(0.1f));
            still.add(still());
        }
        probabilities.get(0).set(5, 0.95f);
        probabilities.get(1).set(5, 0.5f);
        List<Float> event = flat(0.1f);
        event.set(4, 0.7f);
        streams.add(TestStreams.tenPictures("damaged", Split.TEST, 3));
        probabilities.add(event);
        still.add(still());

        Separation s = Separation.of(streams, probabilities, still);

        assertEquals(20 * 9, s.cleanPictures(), "9 pictures of each clean stream");
        assertEquals(0.5, s.cleanTop1(), 1e-6, "1% of 180 clean pictures is the two highest: 0.5 is the lower");
        assertEquals(0.95, s.cleanTop01(), 1e-6, "0.1% of 180 is the highest alone");
        assertEquals(List.of(1, 0, 0), List.of(s.aboveTop1(), s.aboveTop01(), s.aboveMax()),
                "0.7 is above 0.5 but below the clean picture at 0.95");
    }

    @Test
    void of_stillPictures_leftOutOnBothSides() {
        List<Float> clean = flat(0.2f);
        clean.set(6, 0.99f);
        List<Float> event = flat(0.1f);
        event.set(5, 0.9f);

        Separation s = Separation.of(List.of(TestStreams.tenPictures("clean", Split.TEST, null),
                TestStreams.tenPictures("damaged", Split.TEST, 3)), List.of(clean, event), List.of(still(6), still(5)));

        assertEquals(0.2, s.cleanMax(), 1e-6, "the clean picture at 0.99 is still: the detector ignores it");
        assertEquals(8, s.cleanPictures(), "the still clean picture is not counted");
        assertEquals(0, s.aboveTop1(), "the event's only high picture is still: its best moving picture scores 0.1");
    }

    @Test
    void of_noCleanPicture_levelsUnknownAndNoEventAbove() {
        Separation s = Separation.of(List.of(TestStreams.tenPictures("damaged", Split.TEST, 1)), List.of(flat(0.9f)),
                List.of(still()));

        assertEquals(0, s.cleanPictures(), "no stream without corruption");
        assertEquals(List.of(1, 0), List.of(s.events(), s.aboveMax()), "nothing to be above");
        assertEquals(Double.NaN, s.cleanMax(), "no clean picture, no maximum");
    }
}
