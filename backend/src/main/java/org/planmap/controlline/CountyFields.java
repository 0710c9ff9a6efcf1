package org.planmap.controlline;

import org.planmap.store.FeatureQuery;
import org.planmap.store.Field;
import org.planmap.store.Field.Type;

/** The properties every control-line feature carries about its county, one definition for all such layers. */
final class CountyFields {

    static final Field ADCODE = new Field(FeatureQuery.ADCODE, Type.STRING, "县级行政区代码");
    static final Field COUNTY_NAME = new Field("countyName", Type.STRING, "县级行政区");
    static final Field CITY_NAME = new Field("cityName", Type.STRING, "所属地级市");
    static final Field AREA_HA = new Field("areaHa", Type.REAL, "面积（公顷，椭球面）");
    static final Field STATUS = new Field("status", Type.STRING, "数据性质");

    private CountyFields() {
    }
}
