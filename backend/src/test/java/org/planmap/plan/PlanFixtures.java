package org.planmap.plan;

import java.nio.file.Path;

/** The committed files the tests check: the source tree's data/plan/ and seeds/, not the packed copies. */
final class PlanFixtures {

    static final String PLAN_SEED = "003_73e80744cce0764a.txt";

    private PlanFixtures() {
    }

    static Path repoRoot() {
        // Surefire sets the property; running from the backend directory in an IDE works without it.
        return Path.of(System.getProperty("planmap.repo-root", "..")).toAbsolutePath().normalize();
    }

    static PlanTables tables() {
        return PlanTables.fromDirectory(repoRoot().resolve("data/plan"));
    }

    static SeedDocument planSeed() {
        return seed(PLAN_SEED);
    }

    static SeedDocument seed(String fileName) {
        return SeedDocument.read(repoRoot().resolve("seeds").resolve(fileName));
    }
}
