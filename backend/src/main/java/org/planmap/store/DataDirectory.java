package org.planmap.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start-up check of the data directory, before any store opens it: it must be a directory planmap can
 * really write (a test write, because permission bits say nothing to root or to a read-only mount) on a disk with
 * at least the configured free space. A failure says what is wrong and what to do, in Chinese and English.
 */
public final class DataDirectory {

    /** Why the data directory cannot be used, and what the operator can do about it. */
    public static final class Unusable extends RuntimeException {
        private final String messageZh;
        private final String actionZh;
        private final String actionEn;

        Unusable(String messageZh, String messageEn, String actionZh, String actionEn, Throwable cause) {
            super(messageEn, cause);
            this.messageZh = messageZh;
            this.actionZh = actionZh;
            this.actionEn = actionEn;
        }

        public String messageZh() {
            return messageZh;
        }

        public String actionZh() {
            return actionZh;
        }

        public String actionEn() {
            return actionEn;
        }
    }

    private DataDirectory() {
    }

    /** Creates {@code dir} if missing, then proves it writable and roomy enough; throws {@link Unusable} if not. */
    public static void check(Path dir, long minFreeBytes) {
        Path abs = dir.toAbsolutePath();
        String other = "用 --planmap.data-dir=… 指定另一个目录";
        String otherEn = "or name another directory with --planmap.data-dir=…";
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new Unusable("无法创建数据目录 " + abs + "（" + reason(e) + "）",
                    "cannot create the data directory " + abs + " (" + reason(e) + ")",
                    "确认该路径不是文件、上级目录可写，或" + other,
                    "make sure the path is not a file and its parent is writable, " + otherEn, e);
        }
        try {
            Path probe = Files.createTempFile(abs, ".planmap-write-check-", ".tmp");
            try {
                Files.write(probe, new byte[4096]);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw new Unusable("数据目录 " + abs + " 不可写（" + reason(e) + "）：可能是只读文件系统、权限不足或磁盘已满",
                    "the data directory " + abs + " is not writable (" + reason(e) + "): a read-only file system, "
                            + "missing permissions or a full disk",
                    "让运行 planmap 的用户可写该目录（chmod/chown，或以读写方式挂载），或" + other,
                    "make it writable for the user running planmap (chmod/chown, or mount it read-write), " + otherEn, e);
        }
        long free;
        try {
            FileStore store = Files.getFileStore(abs);
            free = store.getUsableSpace();
        } catch (IOException e) {
            return;   // the write above worked; a file system that cannot report its space is not a reason to stop
        }
        if (free < minFreeBytes) {
            throw new Unusable("数据目录 " + abs + " 所在磁盘仅剩 " + mb(free) + " MB，低于所需的 " + mb(minFreeBytes)
                    + " MB",
                    "the disk holding the data directory " + abs + " has only " + mb(free) + " MB free, below the "
                            + mb(minFreeBytes) + " MB required",
                    "释放磁盘空间，或" + other + "（下限由 --planmap.data-dir-min-free-mb 设置）",
                    "free some space, " + otherEn + " (the minimum is --planmap.data-dir-min-free-mb)", null);
        }
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }

    private static String reason(IOException e) {
        String type = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
