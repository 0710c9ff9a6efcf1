package org.planmap.importer;

import java.io.IOException;
import org.planmap.ClientFault;

/**
 * An upload planmap refuses, said so that the planner can fix the file: what is wrong, in Chinese and English,
 * with a stable code. Always the client's to fix (HTTP 4xx), never a server fault.
 */
public class ImportException extends ClientFault {

    public ImportException(String code, String messageZh, String messageEn) {
        super(code, messageZh, messageEn, null);
    }

    /** A refusal of another {@link Kind} than a wrong file: over a limit, or a type planmap does not read. */
    public ImportException(Kind kind, String code, String messageZh, String messageEn) {
        super(kind, code, messageZh, messageEn, null);
    }

    public ImportException(String code, String messageZh, String messageEn, Throwable cause) {
        super(code, messageZh, messageEn, cause);
    }

    /** The upload cannot be read at all (an I/O error on the received copy), under the reader's own code. */
    public static ImportException unreadable(String code, IOException e) {
        return new ImportException(code, "无法读取文件：" + e.getMessage(), "cannot read the file: " + e.getMessage(), e);
    }

    /**
     * One feature's geometry is broken, named as the format names its features so that the planner finds it
     * ("第 3 个地标（Placemark）" / "placemark 2").
     */
    public static ImportException invalidGeometry(String code, String featureZh, String featureEn, String why,
            Throwable cause) {
        return new ImportException(code, featureZh + "的几何无效：" + why, featureEn + " has an invalid geometry: " + why,
                cause);
    }
}
