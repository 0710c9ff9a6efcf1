package org.planmap.encode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes a double rounded to a fixed number of decimals (half away from zero, as {@link RoundingMode#HALF_UP}
 * rounds the double's exact decimal value), without trailing zeros: {@code 111.359780} is {@code 111.35978},
 * {@code 112.0} is {@code 112}, and nothing rounds to {@code -0}.
 *
 * <p>Coordinates are most of a GeoJSON answer, and formatting them through {@code Double.toString} or a JSON
 * library's generic number path (after a {@code Math.round(x * 1e6) / 1e6} that is itself off by one in the
 * last place now and then) was the largest cost of an items request. Here a coordinate is one multiplication
 * and the digits of one {@code long}; only a value whose scaled fraction lies within rounding error of one
 * half, or that is too large for a {@code long}, takes the exact {@link BigDecimal} road.
 */
public final class FixedDecimals {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};
    /** Scaled values below this have an exact integer part and fraction in a double. */
    private static final double FAST_LIMIT = 0x1p52;
    /** The longest text {@link #append} writes on its fast road: sign, 16 digits, point. */
    public static final int MAX_FAST_CHARS = 18;

    private final int decimals;
    private final double scale;
    private final long unit;

    public FixedDecimals(int decimals) {
        if (decimals < 0 || decimals >= POWERS.length) {
            throw new IllegalArgumentException("decimals must be 0.." + (POWERS.length - 1) + ": " + decimals);
        }
        this.decimals = decimals;
        this.unit = POWERS[decimals];
        this.scale = unit;
    }

    public int decimals() {
        return decimals;
    }

    /** {@code value} as text; a value that is not finite is refused, as JSON has no word for it. */
    public String format(double value) {
        StringBuilder text = new StringBuilder(24);
        append(value, text);
        return text.toString();
    }

    /** Appends {@code value} as text to {@code out}. */
    public void append(double value, StringBuilder out) {
        char[] buf = new char[MAX_FAST_CHARS];
        int end = write(value, buf, 0);
        if (end >= 0) {
            out.append(buf, 0, end);
        } else {
            out.append(exact(value));
        }
    }

    /**
     * Writes {@code value} into {@code buf} from {@code at} when it can do so quickly (needing at most
     * {@link #MAX_FAST_CHARS} chars there) and returns the end; returns -1 when it cannot, and the caller then
     * writes {@link #exact}.
     */
    public int write(double value, char[] buf, int at) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a coordinate must be a finite number: " + value);
        }
        double scaled = Math.abs(value) * scale; // one rounding: within half an ulp of the exact product
        if (!(scaled < FAST_LIMIT)) {
            return -1;
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole; // exact: both below 2^52 and less than one apart
        if (Math.abs(fraction - 0.5) <= Math.ulp(scaled)) {
            return -1; // the exact product may lie on either side of one half
        }
        long n = (long) whole + (fraction > 0.5 ? 1 : 0);
        int pos = at;
        if (n != 0 && value < 0) {
            buf[pos++] = '-';
        }
        pos = digits(n / unit, buf, pos);
        long fractionDigits = n % unit;
        if (fractionDigits != 0) {
            int last = decimals;
            while (fractionDigits % 10 == 0) {
                fractionDigits /= 10;
                last--;
            }
            buf[pos++] = '.';
            for (int i = last - 1; i >= 0; i--) {
                buf[pos + i] = (char) ('0' + fractionDigits % 10);
                fractionDigits /= 10;
            }
            pos += last;
        }
        return pos;
    }

    /** The slow, exact road for what {@link #write} declines. */
    public String exact(double value) {
        BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }

    private static int digits(long n, char[] buf, int at) {
        int length = 1;
        for (long rest = n / 10; rest != 0; rest /= 10) {
            length++;
        }
        for (int i = at + length - 1; i >= at; i--) {
            buf[i] = (char) ('0' + n % 10);
            n /= 10;
        }
        return at + length;
    }
}
