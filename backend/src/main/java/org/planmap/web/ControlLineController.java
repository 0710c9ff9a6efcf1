package org.planmap.web;

import org.planmap.http.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.planmap.controlline.ControlLineLedger;
import org.planmap.controlline.LedgerCsv;
import org.planmap.controlline.LedgerService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The control-line ledger per county, city or town group, as JSON or as CSV for Excel, and the conflicts. */
@RestController
@RequestMapping("/api/control-lines")
class ControlLineController {

    private static final String LEVEL_NAMES = "county（县级）、city（地级市）、group（城镇群）";

    private final LedgerService ledger;

    ControlLineController(LedgerService ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger")
    List<ControlLineLedger.Row> ledger(@RequestParam(defaultValue = "county") String level,
            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json")) {
            throw ApiException.badParameter("format", "应为 json 或 csv", "must be json or csv");
        }
        return ledger.rows(level(level));
    }

    @GetMapping(value = "/ledger", params = "format=csv")
    ResponseEntity<byte[]> ledgerCsv(@RequestParam(defaultValue = "county") String level) throws IOException {
        LedgerService.Level l = level(level);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        LedgerCsv.write(ledger.rows(l), csv);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Downloads.attachment("三条控制线台账-" + l.code() + ".csv", "control-line-ledger-" + l.code() + ".csv"))
                .body(csv.toByteArray());
    }

    private static LedgerService.Level level(String level) {
        return LedgerService.Level.fromCode(level).orElseThrow(() -> ApiException.badParameter("level",
                "应为 " + LEVEL_NAMES, "must be county, city or group"));
    }

    @GetMapping("/conflicts")
    List<ControlLineLedger.Row> conflicts() {
        return ledger.conflicts();
    }
}
