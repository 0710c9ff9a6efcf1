package org.planmap.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.planmap.http.ApiException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files on their way to a reader (imports and site reviews alike): refused when missing or empty, and
 * spooled into the data directory's {@code uploads} (the store's disk, not a small /tmp), hashed on the way for the
 * audit log in the same pass over the bytes.
 */
final class Uploads {

    /** A spooled upload; the caller deletes {@code path} or hands it on to whoever does. */
    record Spooled(Path path, String sha256) {
    }

    private Uploads() {
    }

    /** The upload's file name; a missing or empty file is a 400. */
    static String name(MultipartFile file) {
        if (file.isEmpty() || file.getOriginalFilename() == null) {
            throw ApiException.badParameter("file", "未上传文件或文件为空", "no file, or an empty one");
        }
        return file.getOriginalFilename();
    }

    static Spooled spool(MultipartFile file, Path uploads, String prefix) throws IOException {
        Files.createDirectories(uploads);
        Path upload = Files.createTempFile(uploads, prefix, ".part");
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(file.getInputStream(), sha256)) {
            Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(upload);
            throw e;
        }
        return new Spooled(upload, HexFormat.of().formatHex(sha256.digest()));
    }
}
