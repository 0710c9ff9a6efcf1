package org.planmap.store;

/**
 * What a kept version of a layer records about how it came to be: who did what, from which file. The store keeps
 * it beside the version's table; planmap fills it, the store does not interpret it.
 *
 * @param action    {@value #IMPORT}, {@value #DELETE}, {@value #RESTORE} or {@value #DEMO}
 * @param user      the account that made the change; {@value #SYSTEM} for what planmap does by itself at start
 * @param fileName  the uploaded file's name (imports; a restore repeats the restored version's)
 * @param sha256    the uploaded file's SHA-256, hex
 * @param format    the reader's format name (GeoJSON, Shapefile, GeoPackage)
 * @param sourceCrs the CRS the file was read in, as an authority code
 * @param repaired  how many features were repaired on the way in
 * @param areaHa    the features' ellipsoidal area summed, in hectares
 */
public record VersionNote(String action, String user, String fileName, String sha256, String format,
        String sourceCrs, long repaired, double areaHa) {

    public static final String IMPORT = "import";
    public static final String DELETE = "delete";
    public static final String RESTORE = "restore";
    public static final String DEMO = "demo";
    public static final String SYSTEM = "system";

    /** A version that comes from no file: a demonstration, or the fallback a delete leaves. */
    public static VersionNote generated(String action, String user) {
        return new VersionNote(action, user, null, null, null, null, 0, 0);
    }

    public VersionNote withAreaHa(double ha) {
        return new VersionNote(action, user, fileName, sha256, format, sourceCrs, repaired, ha);
    }

    /** A restore of a version noted so: the same file and figures, done by {@code by} now. */
    public VersionNote restoredBy(String by) {
        return new VersionNote(RESTORE, by, fileName, sha256, format, sourceCrs, repaired, areaHa);
    }
}
