package avmon.test.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.evaluate.GroundTruth;
import avmon.core.notify.Notification;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Compares the defects a subscriber received with a stream's ground truth, with docs/ground-truth.md's tolerances. */
final class DefectMatching {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Boundary tolerances: one frame at 25 fps for pictures, 25 ms for silence. */
    private static final Map<DefectType, Double> TOLERANCE = Map.of(
            DefectType.FREEZE, 0.041, DefectType.BLACK, 0.041, DefectType.SILENCE, 0.025,
            DefectType.BLOCK_CORRUPTION, 0.041);

    private DefectMatching() {
    }

    /** The notifications in SNS messages, in the order they came. */
    static List<Notification> notifications(List<String> messages) {
        List<Notification> out = new ArrayList<>();
        for (String m : messages) {
            try {
                out.add(JSON.readValue(m, Notification.class));
            } catch (IOException e) {
                throw new UncheckedIOException("not a notification: " + m, e);
            }
        }
        return out;
    }

    /** The defects notified for one stream, sorted by type and start. */
    static List<Defect> defectsOf(String streamId, List<Notification> notifications) {
        return notifications.stream()
                .filter(n -> n.kind() == Notification.Kind.DEFECT && n.streamId().equals(streamId))
                .map(Notification::defect)
                .sorted(Comparator.comparing(Defect::type).thenComparingDouble(Defect::start))
                .toList();
    }

    /** Asserts that {@code received} are exactly the truth's defects: same types, once each, boundaries within tolerance. */
    static void assertMatchesTruth(GroundTruth truth, List<Defect> received) {
        List<Defect> expected = truth.defects().stream()
                .sorted(Comparator.comparing(Defect::type).thenComparingDouble(Defect::start)).toList();
        assertEquals(expected.stream().map(Defect::type).toList(), received.stream().map(Defect::type).toList(),
                () -> truth.streamId() + ": the injected defects, once each; received " + received);
        for (int i = 0; i < expected.size(); i++) {
            Defect e = expected.get(i);
            Defect r = received.get(i);
            double tolerance = TOLERANCE.getOrDefault(e.type(), 0.041);
            assertEquals(e.start(), r.start(), tolerance, () -> truth.streamId() + ": start of " + e + " vs " + r);
            assertNotNull(r.end(), () -> truth.streamId() + ": " + r + " is closed");
            assertEquals(e.end(), r.end(), tolerance, () -> truth.streamId() + ": end of " + e + " vs " + r);
        }
    }
}
