package org.planmap.plan;

/** A prefecture-level city (地级市) of Shanxi: GB/T 2260 code ending in 00, e.g. 140100 太原市. */
public record PrefectureCity(String adcode, String name) {
}
