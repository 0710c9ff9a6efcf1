package org.planmap.web;

import org.planmap.ClientFault.Kind;
import org.planmap.http.ApiException;
import java.util.List;
import org.planmap.plan.LuliangTask;
import org.planmap.plan.PlacesInForce;
import org.planmap.plan.PlanDocuments;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seed documents for reading, the passages that mention a place, and the 吕梁 2021 key tasks. */
@RestController
@RequestMapping("/api/plan")
class DocumentController {

    private final PlacesInForce places;

    DocumentController(PlacesInForce places) {
        this.places = places;
    }

    /** {@code place} is an adcode (county-level unit or city), a town-group id or a region id. */
    @GetMapping("/passages")
    PlanDocuments.PlacePassages passages(@RequestParam String place) {
        String id = place.strip();
        return places.documents().passages(id).orElseThrow(() -> new ApiException(Kind.NOT_FOUND, "place-not-found",
                "未找到地点 " + id + "（应为行政区划代码、城镇组群或区域的编号）",
                "no place " + id + " (expected an adcode, a town-group id or a region id)"));
    }

    @GetMapping("/documents")
    List<PlanDocuments.DocumentInfo> documents() {
        return places.documents().documents();
    }

    @GetMapping("/documents/{file}")
    PlanDocuments.ReaderDocument document(@PathVariable String file) {
        return places.documents().document(file).orElseThrow(() -> new ApiException(Kind.NOT_FOUND,
                "document-not-found", "没有文件 " + file, "no document " + file));
    }

    @GetMapping("/luliang-tasks")
    List<LuliangTask> luliangTasks() {
        return places.documents().luliangTasks();
    }
}
