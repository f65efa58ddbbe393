package avmon.core.corruption;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.nn.Block;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The trained block-corruption network with its {@link ModelDescription}, ready to predict. Loading checks
 * everything that can be checked before the first picture: every file is there, the weights match their
 * SHA-256 checksum and fit {@link CorruptionNet}; any failure is a {@link ModelFileException} naming the file.
 *
 * <p>Load it once per process ({@link #shared()}); a DJL {@code Predictor} is not thread-safe, so each thread
 * predicts through its own, made on first use.
 */
public final class CorruptionModel implements AutoCloseable {

    /** Class path folder of the committed model. */
    public static final String RESOURCE_FOLDER = "avmon/core/corruption/model/";
    /** Environment variable naming a folder with another model's files, used by {@link #shared()}. */
    public static final String LOCATION_ENV = "AVMON_CORRUPTION_MODEL";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CorruptionModel shared;

    private final Model model;
    private final ModelDescription description;
    private final List<Predictor<FramePair, Float>> predictors = new ArrayList<>();
    private final ThreadLocal<Predictor<FramePair, Float>> threadPredictor;

    /**
     * Wraps a model whose block reads {@link CorruptionTranslator}'s input, the two pictures' levels (a network
     * as trained reads other numbers: see {@link #fromTrained}).
     */
    public CorruptionModel(Model model, ModelDescription description) {
        this.model = model;
        this.description = description;
        this.threadPredictor = ThreadLocal.withInitial(this::newPredictor);
    }

    /**
     * The process's model, loaded on first call: from the folder in {@value #LOCATION_ENV} when set, else the
     * committed one.
     *
     * @throws ModelFileException when a file is missing or damaged
     */
    public static synchronized CorruptionModel shared() {
        if (shared == null) {
            String folder = System.getenv(LOCATION_ENV);
            shared = folder == null || folder.isBlank() ? bundled() : load(Path.of(folder));
        }
        return shared;
    }

    /** The model committed with the code, from the class path. */
    public static CorruptionModel bundled() {
        return load(name -> {
            String resource = RESOURCE_FOLDER + name;
            try (InputStream in = CorruptionModel.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ModelFileException("classpath:" + resource, "not found");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new ModelFileException("classpath:" + resource, "cannot be read: " + e.getMessage(), e);
            }
        }, name -> "classpath:" + RESOURCE_FOLDER + name);
    }

    /** The model whose files ({@link ModelDescription#FILE}, weights and checksum) are in {@code folder}. */
    public static CorruptionModel load(Path folder) {
        return load(name -> {
            Path file = folder.resolve(name);
            try {
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new ModelFileException(file.toString(), "not found");
            } catch (IOException e) {
                throw new ModelFileException(file.toString(), "cannot be read: " + e.getMessage(), e);
            }
        }, name -> folder.resolve(name).toString());
    }

    private static CorruptionModel load(Function<String, byte[]> files, UnaryOperator<String> names) {
        ModelDescription description = readDescription(files.apply(ModelDescription.FILE), names.apply(ModelDescription.FILE));
        String expected = readChecksum(files.apply(ModelDescription.CHECKSUM), names.apply(ModelDescription.CHECKSUM));
        byte[] params = files.apply(ModelDescription.PARAMS);
        String paramsName = names.apply(ModelDescription.PARAMS);
        String actual = sha256(params);
        if (!actual.equals(expected)) {
            throw new ModelFileException(paramsName, "SHA-256 is " + actual + " but "
                    + names.apply(ModelDescription.CHECKSUM) + " says " + expected + ": the weights are damaged or replaced");
        }
        // Outside the try: a missing PyTorch engine is not a damaged file.
        Model model = Model.newInstance("corruption", Device.cpu(), "PyTorch");
        try {
            return inferenceModel(model, params, description);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelFileException(paramsName, "does not hold weights of this network: " + e.getMessage(), e);
        }
    }

    /**
     * The model of a network just trained ({@link CorruptionNet#build} of the description's shape): its weights are copied into a model of
     * their own in the inference form, as a process loads them from files, and {@code trained} is left as it is.
     */
    public static CorruptionModel fromTrained(Model trained, ModelDescription description) {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        Model model = Model.newInstance("corruption", Device.cpu(), "PyTorch");
        try {
            trained.getBlock().saveParameters(new DataOutputStream(params));
            return inferenceModel(model, params.toByteArray(), description);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new IllegalStateException("weights just trained do not load back: " + e.getMessage(), e);
        }
    }

    /** {@code params} loaded into {@code model} as {@link CorruptionNet#forLevels} runs them. */
    private static CorruptionModel inferenceModel(Model model, byte[] params, ModelDescription description)
            throws IOException, MalformedModelException {
        Block trained = CorruptionNet.build(description.shape());
        trained.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(params)));
        CorruptionNet.checkLoaded(trained, description.shape());
        model.setBlock(CorruptionNet.forLevels(trained));
        return new CorruptionModel(model, description);
    }

    private static ModelDescription readDescription(byte[] bytes, String name) {
        try {
            return JSON.readValue(bytes, ModelDescription.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException(name, "is not a model description: " + e.getMessage(), e);
        }
    }

    private static String readChecksum(byte[] bytes, String name) {
        String[] words = new String(bytes, StandardCharsets.US_ASCII).trim().split("\\s+");
        if (words.length == 0 || !words[0].matches("[0-9a-f]{64}")) {
            throw new ModelFileException(name, "does not start with a SHA-256 in hex");
        }
        return words[0];
    }

    /** The SHA-256 of {@code bytes} in lower-case hex, as {@code sha256sum} prints it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public ModelDescription description() {
        return description;
    }

    /** The probability that {@code pair.current()} is corrupted, through this thread's predictor. */
    public float probability(FramePair pair) {
        try {
            return threadPredictor.get().predict(pair);
        } catch (TranslateException e) {
            throw new IllegalStateException("the corruption model failed on a picture: " + e.getMessage(), e);
        }
    }

    /** The probabilities of several pairs in one batch, through this thread's predictor. */
    public List<Float> probabilities(List<FramePair> pairs) {
        try {
            return threadPredictor.get().batchPredict(pairs);
        } catch (TranslateException e) {
            throw new IllegalStateException("the corruption model failed on a batch: " + e.getMessage(), e);
        }
    }

    private Predictor<FramePair, Float> newPredictor() {
        Predictor<FramePair, Float> predictor = model.newPredictor(new CorruptionTranslator());
        synchronized (predictors) {
            predictors.add(predictor);
        }
        return predictor;
    }

    @Override
    public void close() {
        synchronized (predictors) {
            predictors.forEach(Predictor::close);
            predictors.clear();
        }
        model.close();
    }
}
