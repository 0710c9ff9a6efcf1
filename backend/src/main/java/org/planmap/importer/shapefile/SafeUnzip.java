package org.planmap.importer.shapefile;

import org.planmap.ClientFault.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.planmap.importer.ImportException;

/**
 * Extracts an uploaded zip into a fresh temporary directory without trusting anything the zip says about
 * itself: entry names that climb out ({@code ../}, absolute, drive letters: "zip slip"), symlinks, duplicate
 * names, too many entries, and more bytes than allowed — counted as they are written, because the sizes in a
 * zip's headers are the attacker's to choose (zip bombs). {@link #close()} deletes the directory and everything in it.
 */
final class SafeUnzip implements AutoCloseable {

    static final String INVALID = "zip-invalid";
    static final String UNSAFE_ENTRY = "zip-unsafe-entry";
    static final String TOO_MANY_ENTRIES = "zip-too-many-entries";
    static final String TOO_LARGE = "zip-too-large";

    private final Path dir;

    private SafeUnzip(Path dir) {
        this.dir = dir;
    }

    /** The directory the zip was extracted into. */
    Path dir() {
        return dir;
    }

    /**
     * @param tempParent where the temporary directory is made (null: the system's temp directory)
     */
    static SafeUnzip extract(Path zip, Path tempParent, int maxEntries, long maxBytes) {
        Path dir;
        try {
            dir = tempParent == null ? Files.createTempDirectory("planmap-zip-")
                    : Files.createTempDirectory(Files.createDirectories(tempParent), "planmap-zip-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory", e);
        }
        SafeUnzip out = new SafeUnzip(dir);
        try {
            out.extractInto(zip, maxEntries, maxBytes);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private void extractInto(Path zip, int maxEntries, long maxBytes) {
        Set<String> symlinks = symlinks(zip);
        // Zips made on Chinese Windows store names in GBK without the UTF-8 flag; ZipFile then fails on them.
        try (ZipFile zf = open(zip, StandardCharsets.UTF_8)) {
            long total = 0;
            int count = 0;
            Set<Path> written = new HashSet<>();
            for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                if (++count > maxEntries) {
                    throw new ImportException(Kind.TOO_LARGE, TOO_MANY_ENTRIES, "压缩包中的文件超过 " + maxEntries + " 个",
                            "the zip holds more than " + maxEntries + " entries");
                }
                String name = e.getName();
                Path target = target(name);
                if (symlinks.contains(name)) {
                    throw unsafe(name, "符号链接", "a symbolic link");
                }
                if (name.startsWith("__MACOSX/")) {
                    continue;   // macOS resource forks ("._counties.shp") are not part of the data
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                if (!written.add(target)) {
                    // Tools disagree on which of two equal names wins: the file would not mean one thing.
                    throw unsafe(name, "重复的文件名", "a duplicate name");
                }
                Files.createDirectories(target.getParent());
                total = copy(zf, e, target, total, maxBytes);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(INVALID, "文件不是有效的 zip 压缩包：" + e.getMessage(),
                    "the file is not a valid zip archive: " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path zip, Charset charset) throws IOException {
        try {
            ZipFile zf = new ZipFile(zip.toFile(), charset);   // JDK 17+ checks names here ("bad entry name")
            try {
                zf.stream().forEach(e -> { });   // older JDKs decode names lazily: make a wrong charset show now
                return zf;
            } catch (IllegalArgumentException e) {
                zf.close();
                throw new ZipException(e.getMessage());
            }
        } catch (ZipException e) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                return open(zip, Charset.forName("GBK"));
            }
            throw e;
        }
    }

    /** Refuses names that would land outside the directory; returns where the entry goes. */
    private Path target(String name) {
        String n = name.replace('\\', '/');
        if (n.isEmpty() || n.startsWith("/") || n.indexOf('\0') >= 0 || n.matches("^[A-Za-z]:.*")) {
            throw unsafe(name, "绝对路径", "an absolute path");
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                throw unsafe(name, "“..”路径（zip slip）", "a '..' path (zip slip)");
            }
        }
        Path target = dir.resolve(n).normalize();
        if (!target.startsWith(dir)) {
            throw unsafe(name, "越出解压目录的路径", "a path outside the extraction directory");
        }
        return target;
    }

    /** Copies one entry, counting the bytes actually inflated against what is left of the allowance. */
    private static long copy(ZipFile zf, ZipEntry e, Path target, long total, long maxBytes) throws IOException {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = zf.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buf)) > 0;) {
                total += n;
                if (total > maxBytes) {
                    throw new ImportException(Kind.TOO_LARGE, TOO_LARGE,
                            "压缩包解压后超过 " + maxBytes + " 字节（可能是“压缩炸弹”），已停止解压",
                            "the zip expands to more than " + maxBytes + " bytes (a zip bomb?); extraction stopped");
                }
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    /**
     * Names of entries marked as Unix symbolic links. java.util.zip does not expose the external attributes,
     * so this reads the central directory: made-by host 3 (Unix) and file type 0120000 in the high 16 bits.
     */
    private static Set<String> symlinks(Path zip) {
        Set<String> links = new HashSet<>();
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "r")) {
            long len = f.length();
            int tail = (int) Math.min(len, 22 + 65_535);
            byte[] end = new byte[tail];
            f.seek(len - tail);
            f.readFully(end);
            int eocd = -1;
            for (int i = tail - 22; i >= 0 && eocd < 0; i--) {
                if (le32(end, i) == 0x06054b50L) {
                    eocd = i;
                }
            }
            if (eocd < 0) {
                return links;   // not a zip: ZipFile says so with its own message
            }
            long cdSize = le32(end, eocd + 12);
            long cdOffset = le32(end, eocd + 16);
            if (cdOffset + cdSize > len || cdSize > Integer.MAX_VALUE / 2) {
                return links;   // zip64 or damaged: ZipFile decides
            }
            byte[] cd = new byte[(int) cdSize];
            f.seek(cdOffset);
            f.readFully(cd);
            for (int p = 0; p + 46 <= cd.length && le32(cd, p) == 0x02014b50L;) {
                int host = cd[p + 5] & 0xff;
                long attrs = le32(cd, p + 38);
                int nameLen = le16(cd, p + 28);
                int next = p + 46 + nameLen + le16(cd, p + 30) + le16(cd, p + 32);
                if (p + 46 + nameLen > cd.length) {
                    break;
                }
                boolean utf8 = (le16(cd, p + 8) & 0x800) != 0;
                String name = new String(cd, p + 46, nameLen, utf8 ? StandardCharsets.UTF_8 : Charset.forName("GBK"));
                if (host == 3 && ((attrs >>> 16) & 0170000) == 0120000) {
                    links.add(name);
                    links.add(new String(cd, p + 46, nameLen, StandardCharsets.UTF_8));
                }
                p = next;
            }
        } catch (IOException e) {
            // unreadable here means unreadable for ZipFile too, which reports it
        }
        return links;
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long le32(byte[] b, int i) {
        return le16(b, i) | (long) le16(b, i + 2) << 16;
    }

    private static ImportException unsafe(String name, String zh, String en) {
        return new ImportException(UNSAFE_ENTRY, "压缩包中的“" + name + "”是" + zh + "，出于安全原因拒绝导入",
                "the zip entry '" + name + "' is " + en + "; refused for safety");
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is in the temp area
        }
    }
}
