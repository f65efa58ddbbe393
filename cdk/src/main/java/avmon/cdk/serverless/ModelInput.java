package avmon.cdk.serverless;

import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.ModelDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The picture size the committed corruption model takes, read from its description on the class path (core's
 * {@code corruption-model.json}): the converter must write frames at least this large for the model to run.
 *
 * @param width  input width
 * @param height input height
 */
record ModelInput(int width, int height) {

    private static final String RESOURCE = CorruptionModel.RESOURCE_FOLDER + ModelDescription.FILE;

    /** The committed model's input. */
    static ModelInput committed() {
        try (InputStream in = ModelInput.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path: avmon-core is missing");
            }
            ModelDescription d = new ObjectMapper().readValue(in, ModelDescription.class);
            return new ModelInput(d.inputWidth(), d.inputHeight());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** As {@code WIDTHxHEIGHT}. */
    String size() {
        return width + "x" + height;
    }
}
