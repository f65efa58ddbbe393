package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorruptionTrainerTest {

    private static LabelledStream stream(String id, int pictures) {
        TrainingStream planned = new TrainingStream(id, Split.TRAIN, PictureContent.TEXTURE, new PictureSize(64, 36), 1,
                List.of(), VideoEncoding.DEFAULT);
        List<byte[]> frames = new ArrayList<>();
        List<byte[]> changes = new ArrayList<>();
        for (int i = 0; i < pictures; i++) {
            frames.add(new byte[64]);
            changes.add(new byte[4]);
        }
        return new LabelledStream(planned, 8, 8, frames, new double[pictures], new boolean[pictures],
                new boolean[pictures], changes, List.of(), pictures * 0.04);
    }

    @Test
    void gap_manyPictures_oneInSixTwoBackAndOneInSixThreeBack() {
        int[] counts = new int[4];
        for (String id : List.of("train-texture-0", "train-noise-3", "train-text-11")) {
            LabelledStream s = stream(id, 600);
            for (int i = 0; i < s.size(); i++) {
                counts[CorruptionTrainer.gap(s, i)]++;
            }
        }

        assertEquals(1200, counts[1], "four pictures in six are paired with the one before");
        assertEquals(300, counts[2], "one in six with the picture 2 before");
        assertEquals(300, counts[3], "one in six with the picture 3 before");
    }

    @Test
    void gap_samePicture_sameGapEveryTime() {
        LabelledStream s = stream("train-patterns-5", 100);

        for (int i = 0; i < s.size(); i++) {
            int gap = CorruptionTrainer.gap(s, i);
            assertEquals(gap, CorruptionTrainer.gap(stream("train-patterns-5", 100), i),
                    "picture " + i + ": the draw depends on the stream's name and the picture's number only");
            assertTrue(gap >= 1 && gap <= 3, "picture " + i + " paired " + gap + " back");
        }
    }
}
