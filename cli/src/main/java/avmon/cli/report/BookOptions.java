package avmon.cli.report;

import avmon.cli.UserError;
import avmon.cli.model.ReferenceBooks;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags that replace rows of the price and quota books from files (a picocli mixin). */
public final class BookOptions {

    @Option(names = "--prices", paramLabel = "FILE",
            description = "JSON file of price rows ({\"entries\":[{\"id\":...,\"value\":...}]}) replacing the book's.")
    Path prices;

    @Option(names = "--quotas", paramLabel = "FILE", description = "JSON file of quota rows replacing the book's.")
    Path quotas;

    /**
     * The base books with the files' rows applied.
     *
     * @throws UserError when a file cannot be read or names a row the book does not have
     */
    public ReferenceBooks applyTo(ReferenceBooks base) {
        try {
            return base.withOverrides(prices, quotas);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
