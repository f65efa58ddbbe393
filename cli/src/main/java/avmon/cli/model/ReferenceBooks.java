package avmon.cli.model;

import java.nio.file.Path;

/**
 * The two books a comparison is priced and scaled with.
 *
 * @param prices AWS prices
 * @param quotas AWS default quotas
 */
public record ReferenceBooks(ReferenceBook prices, ReferenceBook quotas) {

    /** The books the project collected. */
    public static ReferenceBooks defaults() {
        return new ReferenceBooks(ReferenceBook.prices(), ReferenceBook.quotas());
    }

    /**
     * These books with rows replaced from override files; a null file leaves its book as it is.
     *
     * @throws IllegalArgumentException when a file cannot be read or names an unknown row
     */
    public ReferenceBooks withOverrides(Path pricesFile, Path quotasFile) {
        return new ReferenceBooks(pricesFile == null ? prices : prices.withOverrides(pricesFile),
                quotasFile == null ? quotas : quotas.withOverrides(quotasFile));
    }
}
