package avmon.core.synth;

import java.util.Arrays;
import java.util.Locale;

/**
 * The lower-case names that enums of choices ({@link PictureContent}, {@link VideoCodec}, the training's encoding
 * mixes) use on the command line, in ids and in files, and reading them back with an error that lists the known
 * ones.
 */
public final class EnumNames {

    private EnumNames() {
    }

    /** {@code value}'s name in lower case ("texture", "h264", ...). */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} named {@code name} (case and surrounding blanks do not matter).
     *
     * @param what what the constants are, for the error ("picture content")
     * @throws IllegalArgumentException naming the known constants when there is no such one
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equalsIgnoreCase(name.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "', known: "
                + Arrays.stream(type.getEnumConstants()).map(EnumNames::of).toList());
    }
}
