package org.planmap.encode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory of its own for the files one export is built from (a Shapefile's parts, a GeoPackage), made inside
 * {@code parent} (the data directory's {@code exports}, on the disk the data already live on, not a small
 * {@code /tmp}) and deleted with everything in it on close, whether the export succeeded or failed.
 */
public final class ScratchDirectory implements AutoCloseable {

    /** Prefix of the directories, so that a test can see none is left behind. */
    public static final String PREFIX = "planmap-export-";

    private final Path dir;

    public ScratchDirectory(Path parent) throws IOException {
        Files.createDirectories(parent);
        this.dir = Files.createTempDirectory(parent, PREFIX);
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary " + p, e);
        }
    }
}
