package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planmap.ClientFault;
import org.planmap.http.ApiException;
import org.planmap.importer.ImportService;
import org.planmap.importer.ImportStatus;
import org.planmap.store.StoreException;
import org.planmap.store.StoreUnavailableException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiErrorsTest {

    @Test
    void anUnreachableStoreIs503WithARetryHintAndNoInternals() {
        ResponseEntity<ProblemDetail> r = new ApiErrors().storeUnavailable(
                new StoreUnavailableException("could not read: the database is unreachable (jdbc:postgresql://db/x)", null));
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(r.getBody().getDetail()).isEqualTo("数据库暂时无法连接，请稍后再试");
        assertThat(r.getBody().getProperties()).containsEntry("code", "store-unavailable");
        assertThat(r.getBody().toString()).doesNotContain("jdbc:");
    }

    /** A read interrupted because its client left is not a store failure: no 500, no error logged. */
    @Test
    void aStoreReadInterruptedForAClientThatLeftIsAbandonedNotAFailure() {
        StoreException interrupted = new StoreException("interrupted while waiting for a read connection", null);
        assertThat(new ApiErrors().store(interrupted).getStatusCode().value()).isEqualTo(500);
        Thread.currentThread().interrupt();
        try {
            ResponseEntity<ProblemDetail> r = new ApiErrors().store(interrupted);
            assertThat(r.getStatusCode().value()).isEqualTo(503);
            assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(r.getBody().getProperties()).containsEntry("code", "abandoned");
        } finally {
            Thread.interrupted();
        }
    }

    record Found(List<String> missing) {
    }

    /** A refusal carries its report whole beside the two messages; a fault of another kind carries none. */
    @Test
    void aRefusalIs422WithItsReportAsAMember() {
        Found found = new Found(List.of("141181"));
        ProblemDetail p = new ApiErrors().clientFault(ApiException.refused("boundaries-refused", "缺少 141181",
                "141181 missing", found));
        assertThat(p.getStatus()).isEqualTo(422);
        assertThat(p.getDetail()).isEqualTo("缺少 141181");
        assertThat(p.getProperties()).containsEntry("code", "boundaries-refused")
                .containsEntry("message", Map.of("zh", "缺少 141181", "en", "141181 missing"))
                .containsEntry("report", found);

        ProblemDetail invalid = new ApiErrors().clientFault(ApiException.badParameter("crs", "无效", "invalid"));
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getProperties()).doesNotContainKey("report");
        assertThatThrownBy(() -> ApiException.refused("boundaries-refused", "缺少", "missing", null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ApiException(ClientFault.Kind.REFUSED, "boundaries-refused", "缺少", "missing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REFUSED");
    }

    private static ImportStatus failed(ImportStatus.Error error) {
        return new ImportStatus("job-7", "urban-development-boundary", "红线.zip", ImportStatus.State.FAILED, 0.35,
                "写入数据库", Instant.EPOCH, Instant.EPOCH, error, null);
    }

    /**
     * A failed import answers with the status its fault's kind names (507 and 500 when the server failed), the
     * job's address and its status members beside the bilingual message.
     */
    @Test
    void aFailedImportIsAProblemOfItsKindCarryingTheJob() {
        ImportStatus.Error crs = new ImportStatus.Error("crs-missing", "文件未声明坐标系", "the file declares no CRS",
                ClientFault.Kind.INVALID);
        ResponseEntity<ProblemDetail> r = new ApiErrors().importFailed(new ImportFailed(failed(crs)));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getLocation()).hasToString("/api/import-jobs/job-7");
        assertThat(r.getBody().getDetail()).isEqualTo("文件未声明坐标系");
        assertThat(r.getBody().getProperties()).containsEntry("code", "crs-missing")
                .containsEntry("message", Map.of("zh", "文件未声明坐标系", "en", "the file declares no CRS"))
                .containsEntry("id", "job-7").containsEntry("state", ImportStatus.State.FAILED).containsEntry("error", crs);

        ImportStatus.Error tooLarge = new ImportStatus.Error("too-many-features", "要素过多", "too many", ClientFault.Kind.TOO_LARGE);
        assertThat(new ApiErrors().importFailed(new ImportFailed(failed(tooLarge))).getStatusCode().value()).isEqualTo(413);
        ImportStatus.Error full = new ImportStatus.Error(ImportService.DISK_FULL, "磁盘空间不足", "the disk is full", null);
        assertThat(new ApiErrors().importFailed(new ImportFailed(failed(full))).getStatusCode().value()).isEqualTo(507);
        ImportStatus.Error broken = new ImportStatus.Error("import-failed", "导入失败", "the import failed", null);
        assertThat(new ApiErrors().importFailed(new ImportFailed(failed(broken))).getStatusCode().value()).isEqualTo(500);
    }
}
