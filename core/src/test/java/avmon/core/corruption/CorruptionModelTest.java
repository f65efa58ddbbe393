package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Copies the committed model's three files into {@code dir}. */
    private void copyBundled() throws IOException {
        for (String name : new String[] {ModelDescription.FILE, ModelDescription.PARAMS, ModelDescription.CHECKSUM}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(CorruptionModel.RESOURCE_FOLDER + name)) {
                assertTrue(in != null, "the committed model has " + name);
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
    }

    /** Copies the committed model into {@code dir} and reads its description. */
    private ModelDescription copyBundledDescription() throws IOException {
        copyBundled();
        return JSON.readValue(dir.resolve(ModelDescription.FILE).toFile(), ModelDescription.class);
    }

    @Test
    void load_missingWeights_errorNamesTheFile() throws IOException {
        copyBundled();
        Path params = dir.resolve(ModelDescription.PARAMS);
        Files.delete(params);
        ModelFileException e = assertThrows(ModelFileException.class, () -> CorruptionModel.load(dir));
        assertEquals(params.toString(), e.file(), "the error names the missing file");
        assertTrue(e.getMessage().contains(params.toString()) && e.getMessage().contains("not found"),
                "the message says which file and what: " + e.getMessage());
    }

    @Test
    void load_missingFolder_errorNamesTheDescription() {
        Path nowhere = dir.resolve("nowhere");
        ModelFileException e = assertThrows(ModelFileException.class, () -> CorruptionModel.load(nowhere));
        assertEquals(nowhere.resolve(ModelDescription.FILE).toString(), e.file(), "the first file looked for");
    }

    @Test
    void load_damagedWeights_checksumErrorNamesTheFile() throws IOException {
        copyBundled();
        Path params = dir.resolve(ModelDescription.PARAMS);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(params, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> CorruptionModel.load(dir));
        assertEquals(params.toString(), e.file(), "the error names the damaged weights");
        assertTrue(e.getMessage().contains("SHA-256"), "the message says the checksum differs: " + e.getMessage());
    }

    @Test
    void load_truncatedWeightsWithTheirChecksum_errorNamesTheFile() throws IOException {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        copyBundled();
        Path params = dir.resolve(ModelDescription.PARAMS);
        byte[] bytes = Files.readAllBytes(params);
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 3);
        Files.write(params, truncated);
        Files.writeString(dir.resolve(ModelDescription.CHECKSUM), CorruptionModel.sha256(truncated) + "  "
                + ModelDescription.PARAMS + "\n", StandardCharsets.US_ASCII);
        ModelFileException e = assertThrows(ModelFileException.class, () -> CorruptionModel.load(dir));
        assertEquals(params.toString(), e.file(), "the error names the weights that do not fit the network");
    }

    @Test
    void load_descriptionNotJson_errorNamesTheDescription() throws IOException {
        copyBundled();
        Path description = dir.resolve(ModelDescription.FILE);
        Files.writeString(description, "{ not json");
        ModelFileException e = assertThrows(ModelFileException.class, () -> CorruptionModel.load(dir));
        assertEquals(description.toString(), e.file(), "the error names the description");
    }

    @Test
    void load_descriptionWithOtherFiltersThanTheWeights_errorNamesTheWeights() throws IOException {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        ModelDescription committed = copyBundledDescription();
        Path file = dir.resolve(ModelDescription.FILE);
        List<Integer> wider = committed.filters().stream().map(f -> f * 2).toList();
        assertWeightsRefused(file, new ModelDescription(committed.inputWidth(), committed.inputHeight(),
                committed.threshold(), committed.seed(), new NetworkShape(wider, committed.pictureContext())));
    }

    @Test
    void load_descriptionWithTheOtherPictureContext_errorNamesTheWeights() throws IOException {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        ModelDescription committed = copyBundledDescription();
        assertWeightsRefused(dir.resolve(ModelDescription.FILE), new ModelDescription(committed.inputWidth(),
                committed.inputHeight(), committed.threshold(), committed.seed(),
                new NetworkShape(committed.filters(), !committed.pictureContext())));
    }

    /** Writes {@code description} over the copied one: loading then fails on the committed weights, naming them. */
    private void assertWeightsRefused(Path file, ModelDescription description) throws IOException {
        JSON.writeValue(file.toFile(), description);
        ModelFileException e = assertThrows(ModelFileException.class, () -> CorruptionModel.load(dir));
        assertEquals(dir.resolve(ModelDescription.PARAMS).toString(), e.file(), "names the weights");
        assertTrue(e.getMessage().contains("does not hold weights of this network"), e.getMessage());
    }

    @Test
    void load_descriptionWithoutFilters_theFirstWidths() throws IOException {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        ModelDescription committed = copyBundledDescription();
        Path file = dir.resolve(ModelDescription.FILE);
        assumeTrue(committed.filters().equals(ModelDescription.FIRST_FILTERS), "the committed model has the first widths");
        ObjectNode withoutFilters = JSON.valueToTree(committed);
        withoutFilters.remove("filters");
        JSON.writeValue(file.toFile(), withoutFilters);
        try (CorruptionModel model = CorruptionModel.load(dir)) {
            assertEquals(ModelDescription.FIRST_FILTERS, model.description().filters(), "a description without widths");
        }
    }

    @Test
    void bundled_committedModel_loadsAndMatchesItsChecksum() {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        try (CorruptionModel model = CorruptionModel.bundled()) {
            ModelDescription d = model.description();
            assertTrue(d.threshold() > 0 && d.threshold() < 1, "a threshold between 0 and 1: " + d.threshold());
            byte[] flat = new byte[d.inputWidth() * d.inputHeight()];
            java.util.Arrays.fill(flat, (byte) 120);
            float p = model.probability(new FramePair(d.inputWidth(), d.inputHeight(), flat, flat));
            assertTrue(p >= 0 && p <= 1, "a probability: " + p);
        }
    }
}
