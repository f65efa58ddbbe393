package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.DefectType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamSuitesTest {

    /** The types the generator injects. */
    private static final List<DefectType> INJECTED = List.of(DefectType.FREEZE, DefectType.BLACK,
            DefectType.SILENCE, DefectType.BLOCK_CORRUPTION, DefectType.AV_SYNC);

    @Test
    void standard_coversEveryDefectTypeCleanAndOneTrackStreams() {
        List<StreamSpec> suite = StreamSuites.standard(1);
        Set<DefectType> types = EnumSet.noneOf(DefectType.class);
        suite.forEach(s -> s.defects().forEach(d -> types.add(d.type())));
        for (DefectType type : INJECTED) {
            assertTrue(types.contains(type), "the suite injects " + type);
        }
        assertTrue(suite.stream().anyMatch(s -> s.defects().isEmpty() && s.video() && s.audio()), "a clean stream");
        assertTrue(suite.stream().anyMatch(s -> !s.video()), "an audio-only stream");
        assertTrue(suite.stream().anyMatch(s -> !s.audio()), "a video-only stream");
        assertEquals(suite.size(), suite.stream().map(StreamSpec::id).distinct().count(), "ids are unique");
    }

    @Test
    void standard_everyDefectTypeStraddlesASegmentBoundary() {
        Set<DefectType> straddling = EnumSet.noneOf(DefectType.class);
        for (StreamSpec s : StreamSuites.standard(1)) {
            for (InjectedDefect d : s.defects()) {
                double firstBoundary = Math.floor(d.start() / s.segmentDuration() + 1) * s.segmentDuration();
                if (firstBoundary < d.end()) {
                    straddling.add(d.type());
                }
            }
        }
        for (DefectType type : INJECTED) {
            assertTrue(straddling.contains(type), type + " has a defect crossing a segment boundary");
        }
    }

    @Test
    void cleanLong_atLeastTenMinutesOfEveryMeasuredContentKindWithoutDefects() {
        List<StreamSpec> suite = StreamSuites.named("clean-long", 1);

        double seconds = suite.stream().mapToDouble(StreamSpec::duration).sum();
        assertTrue(seconds >= 600, () -> "ten minutes or more: " + seconds + " s");
        assertTrue(suite.stream().allMatch(s -> s.defects().isEmpty() && s.video()), "clean streams with video");
        assertEquals(EnumSet.complementOf(EnumSet.of(PictureContent.GRAPHICS)),
                EnumSet.copyOf(suite.stream().map(StreamSpec::content).toList()),
                "every content kind it was measured with (all but graphics, added later for training)");
        assertEquals(suite.size(), suite.stream().map(StreamSpec::id).distinct().count(), "ids are unique");
    }

    @Test
    void freezes_threeFreezesInEveryMovingStreamAndNoOtherDefect() {
        List<StreamSpec> suite = StreamSuites.named("freezes", 1);

        assertEquals(EnumSet.of(PictureContent.TEXTURE, PictureContent.NOISE, PictureContent.TEXT, PictureContent.PATTERNS),
                EnumSet.copyOf(suite.stream().map(StreamSpec::content).toList()), "every kind that moves");
        assertEquals(8, suite.size(), "two sizes of each");
        for (StreamSpec s : suite) {
            List<InjectedDefect> freezes = s.defects(DefectType.FREEZE);
            assertEquals(3, freezes.size(), s.id() + " freezes three times");
            assertEquals(freezes, s.defects(), s.id() + " has no other defect");
            for (InjectedDefect f : freezes) {
                assertTrue(f.start() > 0 && f.end() < s.duration() && f.end() - f.start() >= 1,
                        s.id() + ": " + f + " is inside the stream, with motion around it");
            }
        }
        assertEquals(suite, StreamSuites.named("freezes", 1), "the seed decides everything");
    }

    @Test
    void cuts_fourMinutesOfCleanStreamsCuttingEveryOneToFiveSecondsBetweenEveryMeasuredKind() {
        List<StreamSpec> suite = StreamSuites.named("cuts", 1);

        assertEquals(240, suite.stream().mapToDouble(StreamSpec::duration).sum(), 1e-9, "four minutes");
        assertEquals(Set.of("1280x720", "640x360"), suite.stream().map(s -> s.width() + "x" + s.height())
                .collect(java.util.stream.Collectors.toSet()), "both sizes");
        assertTrue(suite.stream().allMatch(s -> s.defects().isEmpty() && s.video()), "clean streams with video");
        Set<PictureContent> shown = EnumSet.noneOf(PictureContent.class);
        for (StreamSpec s : suite) {
            List<Shot> shots = s.shots();
            assertTrue(shots.size() >= 6, s.id() + " cuts at least every 5 s: " + shots.size() + " shots");
            for (Shot shot : shots) {
                double seconds = (shot.endFrame() - shot.firstFrame()) / s.frameRate();
                double longest = shot.endFrame() == s.frameCount() ? 6 : 5;
                assertTrue(seconds >= 1 - 1e-9 && seconds <= longest + 1e-9,
                        s.id() + ": " + shot + " lasts 1 to 5 s (the last one, to the end, less than 6)");
                shown.add(shot.content());
            }
        }
        assertEquals(EnumSet.copyOf(StreamSuites.CLEAN_LONG_KINDS), shown, "every kind the clean-long suite measures");
        assertEquals(suite.size(), suite.stream().map(StreamSpec::id).distinct().count(), "ids are unique");
        assertEquals(suite, StreamSuites.named("cuts", 1), "the seed decides everything");
    }

    @Test
    void cuts_sameKindCuts_toAnotherInstance() {
        long sameKind = StreamSuites.named("cuts", 1).stream().mapToLong(s -> {
            List<Shot> shots = s.shots();
            return java.util.stream.IntStream.range(1, shots.size())
                    .filter(i -> shots.get(i).content() == shots.get(i - 1).content()).count();
        }).sum();
        assertTrue(sameKind > 0, "some cuts go to another instance of the same kind: " + sameKind);
    }

    @Test
    void named_unknownSuite_isRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamSuites.named("huge", 1));
        for (String name : StreamSuites.NAMES) {
            assertTrue(e.getMessage().contains(name), () -> "names " + name + ": " + e.getMessage());
        }
        assertTrue(StreamSuites.NAMES.contains("cuts"), "the cuts suite is known");
    }
}
