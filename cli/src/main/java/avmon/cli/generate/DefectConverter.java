package avmon.cli.generate;

import avmon.core.synth.InjectedDefect;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --defect freeze@3.0+3.2} (type@start+duration, {@code =offset} for av_sync). */
final class DefectConverter implements ITypeConverter<InjectedDefect> {
    @Override
    public InjectedDefect convert(String value) {
        try {
            return InjectedDefect.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
