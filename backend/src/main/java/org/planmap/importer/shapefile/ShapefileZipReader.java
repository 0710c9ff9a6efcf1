package org.planmap.importer.shapefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.crs.CrsRef;
import org.planmap.crs.PrjReader;
import org.planmap.importer.FeaturePass;
import org.planmap.importer.FormatReader;
import org.planmap.importer.ImportException;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.LimitCounter;
import org.planmap.importer.FileContents;
import org.planmap.store.Feature;
import org.planmap.store.Field;

/**
 * Reads a zip holding one shapefile (.shp, .shx and .dbf required; .prj and .cpg optional; in a folder or
 * not). The zip is extracted safely into a temporary directory ({@link SafeUnzip}) that is always deleted.
 * No .prj means no declared CRS: the import then asks the planner for one rather than guess.
 */
public final class ShapefileZipReader implements FormatReader {

    public static final String NO_SHAPEFILE = "shapefile-none";
    public static final String SEVERAL = "shapefile-several";
    public static final String MISSING_PART = "shapefile-missing-part";
    public static final String MISMATCH = "shapefile-record-mismatch";
    public static final String INVALID_ZIP = SafeUnzip.INVALID;
    public static final String UNSAFE_ENTRY = SafeUnzip.UNSAFE_ENTRY;
    public static final String TOO_MANY_ENTRIES = SafeUnzip.TOO_MANY_ENTRIES;
    public static final String ZIP_TOO_LARGE = SafeUnzip.TOO_LARGE;
    public static final String NOT_SHP = ShpReader.NOT_SHP;
    public static final String TRUNCATED = ShpReader.TRUNCATED;
    public static final String BAD_RECORD = ShpReader.BAD_RECORD;
    public static final String UNSUPPORTED_SHAPE = ShpReader.UNSUPPORTED_SHAPE;
    public static final String BAD_DBF = DbfAttributes.BAD_DBF;
    public static final String BAD_CPG = DbfAttributes.BAD_CPG;

    /** A shapefile is at most ~10 files; hundreds of entries mean the wrong zip or a hostile one. */
    public static final int DEFAULT_MAX_ENTRIES = 256;

    private final GeometryFactory factory;
    private final Path tempParent;
    private final int maxEntries;

    public ShapefileZipReader() {
        this(new GeometryFactory(), null, DEFAULT_MAX_ENTRIES);
    }

    /** @param tempParent where the zip is extracted (null: the system temp directory); tests check it is left empty */
    public ShapefileZipReader(GeometryFactory factory, Path tempParent, int maxEntries) {
        this.factory = factory;
        this.tempParent = tempParent;
        this.maxEntries = maxEntries;
    }

    @Override
    public String format() {
        return "shapefile";
    }

    @Override
    public List<String> extensions() {
        return List.of(".zip");
    }

    /**
     * Extracts and reads the set twice, never holding it: a first pass checks every record, the limits and that
     * .shp and .dbf pair up, and learns the schema and CRS; the returned source extracts the zip again and
     * pairs shapes with rows as the store takes them. The extracted files live only as long as each pass.
     */
    @Override
    public FileContents read(Path file, ImportLimits limits) {
        List<String> notes = new ArrayList<>();
        Survey survey = extracted(file, limits, dir -> survey(locate(dir), limits, notes));
        FeaturePass<Void> records = (sink, counter) -> extracted(file, limits, dir -> stream(locate(dir), counter, sink));
        return new FileContents(format(), records.source(limits), survey.fields(), survey.crs(), notes);
    }

    /** The files of the one shapefile in the zip; {@code cpg} and {@code prj} may be null. */
    private record ShapefileSet(Path shp, Path shx, Path dbf, Path cpg, Path prj) {
    }

    private record Survey(List<Field> fields, CrsRef crs) {
    }

    @FunctionalInterface
    private interface Work<T> {
        T in(Path dir) throws IOException;
    }

    private <T> T extracted(Path zip, ImportLimits limits, Work<T> work) {
        try (SafeUnzip unzipped = SafeUnzip.extract(zip, tempParent, maxEntries, limits.maxUncompressedBytes())) {
            return work.in(unzipped.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // the temporary directory itself failed: planmap's fault
        }
    }

    private ShapefileSet locate(Path dir) throws IOException {
        List<Path> shps;
        try (Stream<Path> all = Files.walk(dir)) {
            shps = all.filter(Files::isRegularFile).filter(p -> ext(p).equals("shp"))
                    .filter(p -> !p.getFileName().toString().startsWith("._")).sorted().toList();
        }
        if (shps.isEmpty()) {
            throw new ImportException(NO_SHAPEFILE, "压缩包中没有 .shp 文件", "the zip holds no .shp file");
        }
        if (shps.size() > 1) {
            String names = String.join(", ", shps.stream().map(p -> dir.relativize(p).toString()).toList());
            throw new ImportException(SEVERAL, "压缩包中有 " + shps.size() + " 个 Shapefile（" + names + "），每次只能导入一个",
                    "the zip holds " + shps.size() + " shapefiles (" + names + "); import one at a time");
        }
        Path shp = shps.get(0);
        Path shx = sibling(shp, "shx");
        Path dbf = sibling(shp, "dbf");
        if (shx == null || dbf == null) {
            String missing = (shx == null ? ".shx " : "") + (dbf == null ? ".dbf" : "");
            throw new ImportException(MISSING_PART, "Shapefile 缺少 " + missing.trim() + " 文件（.shp、.shx、.dbf 缺一不可）",
                    "the shapefile lacks its " + missing.trim() + " (.shp, .shx and .dbf are all required)");
        }
        return new ShapefileSet(shp, shx, dbf, sibling(shp, "cpg"), sibling(shp, "prj"));
    }

    private Survey survey(ShapefileSet set, ImportLimits limits, List<String> notes) throws IOException {
        int shapes = ShpReader.forEach(set.shp(), factory, new LimitCounter(limits), notes, g -> { });
        List<Field> fields;
        long rows = 0;
        try (DbfAttributes dbf = DbfAttributes.open(set.dbf(), set.cpg(), notes)) {
            fields = List.copyOf(dbf.fields);
            while (dbf.next() != null) {
                rows++;
            }
        }
        if (rows != shapes) {
            throw new ImportException(MISMATCH, ".shp 有 " + shapes + " 个几何而 .dbf 有 " + rows
                    + " 条记录，两者不属于同一数据", "the .shp holds " + shapes + " shapes but the .dbf "
                    + rows + " rows; they do not belong together");
        }
        long shxRecords = (Files.size(set.shx()) - 100) / 8;
        if (shxRecords != shapes) {
            notes.add(".shx 索引记录数 " + shxRecords + " 与 .shp 的 " + shapes + " 不符，已按 .shp 读取 / the .shx indexes "
                    + shxRecords + " records, the .shp holds " + shapes + "; read from the .shp");
        }
        if (set.prj() == null) {
            notes.add("无 .prj 文件，坐标系未知，需指定 / no .prj: the coordinate system is unknown and must be given");
            return new Survey(fields, null);
        }
        // A CrsException for an unknown .prj is the caller's to map.
        return new Survey(fields, PrjReader.identify(Files.readString(set.prj(), StandardCharsets.ISO_8859_1)));
    }

    /** The survey checked the set: this pass pairs shapes with rows and notes nothing new. */
    private Void stream(ShapefileSet set, LimitCounter counter, Consumer<Feature> sink) throws IOException {
        List<String> notedAlready = new ArrayList<>();
        try (DbfAttributes dbf = DbfAttributes.open(set.dbf(), set.cpg(), notedAlready)) {
            int[] position = {0};
            ShpReader.forEach(set.shp(), factory, counter, notedAlready,
                    g -> sink.accept(new Feature(String.valueOf(position[0]++), g, dbf.next())));
        }
        return null;
    }

    /** The file next to {@code shp} with the same base name and this extension, in any letter case. */
    private static Path sibling(Path shp, String ext) throws IOException {
        String name = shp.getFileName().toString();
        String base = name.substring(0, name.length() - 4);
        try (Stream<Path> files = Files.list(shp.getParent())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + ext))
                    .findFirst().orElse(null);
        }
    }

    private static String ext(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
