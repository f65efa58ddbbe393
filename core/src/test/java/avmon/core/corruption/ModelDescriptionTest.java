package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void read_withoutFilters_theFirstWidths() throws Exception {
        ModelDescription d = JSON.readValue("{\"inputWidth\":320,\"inputHeight\":180,\"threshold\":0.71,\"seed\":1}",
                ModelDescription.class);
        assertEquals(List.of(8, 16, 24), d.filters(), "a description written before the widths could vary");
        assertEquals(NetworkShape.FIRST, d.shape(), "nor the picture context: the first network");
    }

    @Test
    void write_thenRead_sameDescription() throws Exception {
        ModelDescription d = new ModelDescription(320, 180, 0.62, 1, new NetworkShape(List.of(16, 16, 24), true));
        assertEquals(d, JSON.readValue(JSON.writeValueAsString(d), ModelDescription.class), "the widths and the picture context travel");
    }

    @Test
    void checkFilters_notThreeCountsOfOneTo256_refusedWithTheCounts() {
        for (List<Integer> bad : List.of(List.of(8, 16), List.of(8, 0, 24), List.of(8, 16, 300))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelDescription.checkFilters(bad), bad + " is refused");
            assertTrue(e.getMessage().contains(bad.toString()), "names what it got: " + e.getMessage());
        }
    }
}
