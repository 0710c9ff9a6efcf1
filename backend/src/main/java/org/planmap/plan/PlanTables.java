package org.planmap.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The plan's tables as committed in data/plan/: read from the jar in production, or from a directory
 * when checking an edited copy before it is packed.
 */
public record PlanTables(List<TierEntry> cityTiers, List<NameCorrection> nameCorrections,
                         List<CityTarget> urbanizationTargets, List<Indicator> indicators,
                         List<TownGroup> townGroups, List<Region> regions) {

    public static final String CLASSPATH_DIR = "data/plan/";

    public PlanTables {
        cityTiers = List.copyOf(cityTiers);
        nameCorrections = List.copyOf(nameCorrections);
        urbanizationTargets = List.copyOf(urbanizationTargets);
        indicators = List.copyOf(indicators);
        townGroups = List.copyOf(townGroups);
        regions = List.copyOf(regions);
    }

    public static PlanTables fromClasspath() {
        return read(file -> {
            String resource = CLASSPATH_DIR + file;
            try (InputStream in = PlanTables.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        });
    }

    public static PlanTables fromDirectory(Path dir) {
        return read(file -> {
            try {
                return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(dir.resolve(file).toString(), e);
            }
        });
    }

    private static PlanTables read(Function<String, String> files) {
        return new PlanTables(
                rows(files, "city-size-structure.csv", TierEntry.COLUMNS, TierEntry::fromRow),
                rows(files, "name-corrections.csv", NameCorrection.COLUMNS, NameCorrection::fromRow),
                rows(files, "urbanization-targets.csv", CityTarget.COLUMNS, CityTarget::fromRow),
                rows(files, "indicators.csv", Indicator.COLUMNS, Indicator::fromRow),
                rows(files, "town-groups.csv", TownGroup.COLUMNS, TownGroup::fromRow),
                rows(files, "regions.csv", Region.COLUMNS, Region::fromRow));
    }

    private static <T> List<T> rows(Function<String, String> files, String file, List<String> columns,
                                    Function<CsvRow, T> parse) {
        return CsvTable.read(file, files.apply(file), columns).stream().map(parse).toList();
    }
}
