package org.planmap.plan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.planmap.boundary.BoundarySet;
import org.planmap.boundary.CountyFileFields;
import org.planmap.boundary.OfficialCounties;
import org.planmap.boundary.OfficialCountiesReport;
import org.planmap.crs.CrsRef;
import org.planmap.importer.ImportException;
import org.planmap.importer.ImportService;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerWriter;
import org.planmap.store.Field;
import org.planmap.store.VersionNote;

/**
 * A department's county boundaries in place of the ones in force: the file goes along the import road (reader,
 * CRS, repair) to {@link OfficialCounties#assemble}, and an accepted set becomes a new version of the
 * {@code counties} layer. Nothing else is written here: what follows the counties follows their change
 * ({@link CurrentBoundaries}, the ledger, the caches). A refused file changes nothing.
 */
public final class OfficialBoundaryImport {

    private final ImportService imports;
    private final CurrentBoundaries boundaries;
    private final PlanTables tables;
    private final LayerWriter writer;

    public OfficialBoundaryImport(ImportService imports, CurrentBoundaries boundaries, PlanTables tables,
            LayerWriter writer) {
        this.imports = imports;
        this.boundaries = boundaries;
        this.tables = tables;
        this.writer = writer;
    }

    /**
     * @param upload      the uploaded file, which this now owns and deletes
     * @param crs         the CRS the admin names for a file that declares none; null to rely on the file
     * @param adcodeField the property holding each county's code
     * @param nameField   the property holding its name, or empty to keep the names in force
     * @return the report; {@link OfficialCountiesReport#accepted()} says whether the counties were replaced
     * @throws ImportException when the file cannot be read, or lacks a field named
     */
    public OfficialCountiesReport replace(Path upload, String fileName, CrsRef crs, String sha256, String adcodeField,
            Optional<String> nameField, String user) {
        ImportService.ReadFile file = imports.read(upload, fileName, crs);
        requireField(file.fields(), adcodeField, "adcodeField");
        nameField.ifPresent(f -> requireField(file.fields(), f, "nameField"));
        OfficialCounties.Outcome outcome = OfficialCounties.assemble(file.features(), adcodeField, nameField,
                boundaries.set());
        if (outcome.boundaries().isEmpty()) {
            return outcome.report();
        }
        BoundarySet set = outcome.boundaries().get();
        // the plan's names are resolved to codes in the DataV set, so a unit the file renames keeps its tier and its
        // town groups under its new name; the file has every code of that set, so the join is whole
        CountyDirectory directory = new CountyDirectory(set, boundaries.planNamed(), tables);
        // the set in force before the first official one (DataV, published without versions) becomes version 1
        writer.keepCurrent(PlanLayers.COUNTIES, VersionNote.generated(VersionNote.IMPORT, VersionNote.SYSTEM));
        String source = OfficialCounties.SOURCE_PREFIX + fileName + " (" + file.format() + ", "
                + file.sourceCrs().code() + ", sha256 " + sha256 + "), imported by " + user + " " + Instant.now()
                + "; tiers: 《山西省“十四五”新型城镇化规划》专栏3";
        new LayerPublisher(writer).publish(CurrentBoundaries.counties(set, directory, source),
                new VersionNote(VersionNote.IMPORT, user, fileName, sha256, file.format(), file.sourceCrs().code(),
                        file.repaired(), 0));
        return outcome.report();
    }

    /**
     * The fields of a file the admin chose, read by the reader its import will use, for the form to offer: each with
     * a value, and the field that holds Shanxi's county codes if one does.
     *
     * @param upload the uploaded file, which this now owns and deletes
     * @throws ImportException when the file cannot be read
     */
    public CountyFileFields fields(Path upload, String fileName) {
        return imports.look(upload, fileName, file -> CountyFileFields.of(file.fields(), file.features()));
    }

    private static void requireField(List<Field> fields, String name, String parameter) {
        if (fields.stream().noneMatch(f -> f.name().equals(name))) {
            String present = String.join(", ", fields.stream().map(Field::name).toList());
            throw new ImportException("field-missing", "文件中没有字段 " + name + "（" + parameter + "）；文件的字段：" + present,
                    "the file has no field " + name + " (" + parameter + "); its fields are: " + present);
        }
    }
}
