package avmon.cli.generate;

import avmon.core.synth.PictureContent;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --content text} (a {@link PictureContent} by its lower-case name). */
final class ContentConverter implements ITypeConverter<PictureContent> {
    @Override
    public PictureContent convert(String value) {
        try {
            return PictureContent.fromName(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
