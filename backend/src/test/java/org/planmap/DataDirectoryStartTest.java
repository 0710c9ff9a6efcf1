package org.planmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory planmap cannot use stops the start at once with Spring Boot's "APPLICATION FAILED TO START"
 * report — what is wrong and what to do, in Chinese and English, no stack trace — and a non-zero exit code, so a
 * service manager shows the reason instead of restarting into the same wall. Real child JVMs, as an operator
 * would start them.
 */
@ChildJvmTest
class DataDirectoryStartTest {

    @TempDir
    Path dir;

    record Run(int exit, String output) {
    }

    static Run start(Path log, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), PlanmapApplication.class.getName(), "--server.port=0"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("planmap did not stop by itself, see " + log);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static void assertCleanFailure(Run run, String zh, String en) {
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("APPLICATION FAILED TO START").contains(zh).contains(en)
                .doesNotContain("\tat org.").doesNotContain("Exception in thread");
    }

    @Test
    void aFileWhereTheDirectoryShouldBe() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "not a directory");
        assertCleanFailure(start(dir.resolve("file.log"), "--planmap.data-dir=" + file.resolve("store")),
                "无法创建数据目录", "cannot create the data directory");
    }

    /**
     * chmod 555 stops every user but root; as root (CI) the test uses /sys/kernel, a directory of a file system
     * where even root creates no file — the same "not writable" that a read-only mount gives.
     */
    @Test
    void aReadOnlyDirectory() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean rootWritesAnyway;
        try {
            Files.delete(Files.createTempFile(readOnly, "probe", ".tmp"));
            rootWritesAnyway = true;
        } catch (java.io.IOException expected) {
            rootWritesAnyway = false;
        }
        Path target = rootWritesAnyway ? Path.of("/sys/kernel") : readOnly;
        assertThat(Files.isDirectory(target)).as(target + " must exist for this test").isTrue();
        assertCleanFailure(start(dir.resolve("ro.log"), "--planmap.data-dir=" + target), "不可写", "is not writable");
    }

    /** A full disk, simulated by asking for more free space than any disk has (100 TB). */
    @Test
    void tooLittleFreeSpace() throws Exception {
        assertCleanFailure(start(dir.resolve("full.log"), "--planmap.data-dir=" + dir.resolve("data"),
                "--planmap.data-dir-min-free-mb=100000000"), "低于所需的 100000000 MB", "MB free, below the 100000000 MB");
    }
}
