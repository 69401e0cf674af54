package org.voterroll;

import java.nio.file.Path;

/**
 * The example county and delivery of the contract (docs/rules.md), kept in the repository as a test
 * fixture so that a clone with nothing beside it builds and tests itself. {@code ops/check-spec-examples.sh} says when the
 * contract's copy has moved on.
 */
public final class Examples {
    public static final Path DIR = Path.of("product", "src", "test", "resources", "examples").toAbsolutePath().normalize();

    private Examples() {}
}
