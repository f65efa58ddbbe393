package avmon.core.corruption.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.ModelDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a trained model as the files {@link CorruptionModel#load(Path)} reads: weights, checksum, description. */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** Writes the three files into {@code folder}; returns the weights' SHA-256. */
    public static String write(Model model, ModelDescription description, Path folder) throws IOException {
        Files.createDirectories(folder);
        byte[] params = weights(model);
        String sha256 = CorruptionModel.sha256(params);
        Files.write(folder.resolve(ModelDescription.PARAMS), params);
        Files.writeString(folder.resolve(ModelDescription.CHECKSUM),
                sha256 + "  " + ModelDescription.PARAMS + "\n", StandardCharsets.US_ASCII);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(folder.resolve(ModelDescription.FILE).toFile(), description);
        return sha256;
    }

    /** The block's weights as bytes, in DJL's parameter format. */
    static byte[] weights(Model model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write weights to memory", e);
        }
        return bytes.toByteArray();
    }

    /** Puts weights written by {@link #weights} back into the model's block. */
    static void loadWeights(Model model, byte[] weights) {
        try {
            model.getBlock().loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(weights)));
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("weights just saved do not load back", e);
        }
    }
}
