package avmon.cli.detect;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A thumbnail size given as {@code WIDTHxHEIGHT}.
 *
 * @param width  pixels
 * @param height pixels
 */
public record ThumbnailSize(int width, int height) {

    /** Reads {@code 160x90}. */
    public static final class Converter implements ITypeConverter<ThumbnailSize> {
        @Override
        public ThumbnailSize convert(String value) {
            String[] parts = value.toLowerCase(java.util.Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    int width = Integer.parseInt(parts[0]);
                    int height = Integer.parseInt(parts[1]);
                    if (width >= 2 && height >= 2) {
                        return new ThumbnailSize(width, height);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected WIDTHxHEIGHT of at least 2x2, like 160x90, got '" + value + "'");
        }
    }
}
