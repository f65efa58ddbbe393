package avmon.cli.generate;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A picture size given as {@code WIDTHxHEIGHT}, even numbers (4:2:0 video).
 *
 * @param width  pixels
 * @param height pixels
 */
public record PictureSize(int width, int height) {

    /** Reads {@code 640x360}. */
    public static final class Converter implements ITypeConverter<PictureSize> {
        @Override
        public PictureSize convert(String value) {
            String[] parts = value.toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    int width = Integer.parseInt(parts[0]);
                    int height = Integer.parseInt(parts[1]);
                    if (width >= 16 && height >= 16 && width % 2 == 0 && height % 2 == 0) {
                        return new PictureSize(width, height);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected WIDTHxHEIGHT, even and at least 16x16, like 640x360, got '"
                    + value + "'");
        }
    }
}
