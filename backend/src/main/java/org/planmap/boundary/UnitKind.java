package org.planmap.boundary;

/**
 * The three kinds of county-level unit, told apart by the GB/T 2260 code rule: the last two digits
 * 01–20 are 市辖区, 21–80 县, 81–99 县级市.
 */
public enum UnitKind {
    DISTRICT("市辖区"),
    COUNTY("县"),
    COUNTY_CITY("县级市");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static UnitKind ofAdcode(String adcode) {
        if (adcode.length() != 6) {
            throw new IllegalArgumentException("a county-level adcode has 6 digits: " + adcode);
        }
        int tail = Integer.parseInt(adcode.substring(4));
        if (tail >= 1 && tail <= 20) {
            return DISTRICT;
        }
        if (tail >= 21 && tail <= 80) {
            return COUNTY;
        }
        if (tail >= 81) {
            return COUNTY_CITY;
        }
        throw new IllegalArgumentException("not a county-level adcode: " + adcode);
    }
}
