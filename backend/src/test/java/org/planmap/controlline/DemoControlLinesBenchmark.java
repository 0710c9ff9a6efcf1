package org.planmap.controlline;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.planmap.boundary.BoundaryFiles;
import org.planmap.boundary.BoundarySet;
import org.planmap.layer.LayerContent;
import org.planmap.plan.CountyDirectory;
import org.planmap.plan.PlanTables;

/**
 * Times the generator by hand; skipped unless asked for, because a timing belongs in a report, not in the
 * build: {@code mvn -o -pl backend -am test -Dtest=DemoControlLinesBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dplanmap.bench=500000 -DargLine=-Xmx1g}
 */
@EnabledIfSystemProperty(named = "planmap.bench", matches = "\\d+")
class DemoControlLinesBenchmark {

    @Test
    void timeTheGenerator() {
        BoundarySet boundaries = BoundaryFiles.fromClasspath();
        CountyDirectory directory = new CountyDirectory(boundaries, PlanTables.fromClasspath());

        long t0 = System.nanoTime();
        Map<ControlLine, LayerContent> layers = DemoControlLines.generate(boundaries, directory,
                DemoControlLines.DEFAULT_SEED, DemoScale.DEFAULT);
        long t1 = System.nanoTime();
        layers.forEach((line, layer) -> System.out.printf("default %s: %d features%n", line.layerId(),
                layer.features().size()));
        System.out.printf("default: %.2f s%n", (t1 - t0) / 1e9);

        long total = Long.parseLong(System.getProperty("planmap.bench"));
        long[] vertices = new long[1];
        long t2 = System.nanoTime();
        long n = DemoControlLines.generate(boundaries, directory, DemoControlLines.DEFAULT_SEED, DemoScale.ofTotal(total),
                (line, f) -> vertices[0] += f.geometry().getNumPoints());
        long t3 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%d features (%d vertices) streamed in %.1f s; max heap %d MB, used now %d MB%n", n,
                vertices[0], (t3 - t2) / 1e9, rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
