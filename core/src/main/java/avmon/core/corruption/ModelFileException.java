package avmon.core.corruption;

/**
 * The model cannot be used: one of its files is missing, does not match its checksum, or does not hold
 * weights for {@link CorruptionNet}. Thrown when the model is loaded, at start-up, never at the first picture.
 */
public final class ModelFileException extends RuntimeException {

    private final String file;

    public ModelFileException(String file, String problem, Throwable cause) {
        super("corruption model file " + file + ": " + problem, cause);
        this.file = file;
    }

    public ModelFileException(String file, String problem) {
        this(file, problem, null);
    }

    /** The file at fault, as a path or a class path resource. */
    public String file() {
        return file;
    }
}
