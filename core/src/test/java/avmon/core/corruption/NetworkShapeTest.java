package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkShapeTest {

    @Test
    void trainOptions_defaultShape_none() {
        assertEquals("", NetworkShape.FIRST.trainOptions(NetworkShape.FIRST), "the defaults need no option");
    }

    @Test
    void trainOptions_otherWidthsAndContext_bothOptions() {
        NetworkShape shape = new NetworkShape(List.of(16, 16, 24), true);
        assertEquals(" --filters 16,16,24 --picture-context", shape.trainOptions(NetworkShape.FIRST),
                "the options that make this shape from the defaults");
    }

    @Test
    void logitInputs_pictureContext_twiceTheLastFilters() {
        assertEquals(24, NetworkShape.FIRST.logitInputs(), "each region's own features");
        assertEquals(48, new NetworkShape(ModelDescription.FIRST_FILTERS, true).logitInputs(),
                "each region's features and the picture's mean of them");
    }

    @Test
    void new_badFilters_refused() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkShape(List.of(8, 16), false),
                "three filter counts are needed");
    }
}
