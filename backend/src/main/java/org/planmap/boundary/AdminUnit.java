package org.planmap.boundary;

/**
 * A county-level administrative unit (区/县/县级市) of Shanxi and the prefecture city it belongs to.
 * Codes are GB/T 2260 administrative division codes as strings ("140322").
 */
public record AdminUnit(String adcode, String name, UnitKind kind, String cityAdcode, String cityName) {

    public static AdminUnit of(String adcode, String name, String cityAdcode, String cityName) {
        return new AdminUnit(adcode, name, UnitKind.ofAdcode(adcode), cityAdcode, cityName);
    }
}
