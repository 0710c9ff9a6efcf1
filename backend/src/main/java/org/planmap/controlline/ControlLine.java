package org.planmap.controlline;

import org.planmap.importer.ImportTarget;

/**
 * The three control lines (三条控制线) of territorial spatial planning. The plan names them but publishes no
 * geometry, so planmap carries their names, layer ids and the passages that require them; the geometry comes
 * from planners' official files or, until then, from {@link DemoControlLines}.
 *
 * <p>Both seeds name all three lines in one sentence, so each line cites the same two passages.
 */
public enum ControlLine {
    ECOLOGICAL_PROTECTION_REDLINE("ecological-protection-redline", "生态保护红线", "ecological protection redline"),
    PERMANENT_BASIC_FARMLAND("permanent-basic-farmland", "永久基本农田", "permanent basic farmland"),
    URBAN_DEVELOPMENT_BOUNDARY("urban-development-boundary", "城镇开发边界", "urban development boundary");

    /** Where the plan requires the lines: seed document, section and the sentence as written. */
    public static final String SOURCE = "003_73e80744cce0764a.txt 第六章第一节 加强城市空间治理: "
            + "“严格落实永久基本农田、生态保护红线、城镇开发边界“三条控制线”管控要求”; "
            + "000_0a041ac12674b7fe.txt （十二）优化城市空间治理: "
            + "“统筹划定生态保护红线、永久基本农田、城镇开发边界三条控制线”";

    private final String layerId;
    private final String nameZh;
    private final String nameEn;

    ControlLine(String layerId, String nameZh, String nameEn) {
        this.layerId = layerId;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String layerId() {
        return layerId;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String source() {
        return SOURCE;
    }

    /** Editors replace a line by importing the official file; it is stored under the line's plain name. */
    public ImportTarget importTarget() {
        return new ImportTarget(layerId, nameZh, "MULTIPOLYGON");
    }
}
