package org.planmap.store.filter;

import org.planmap.ClientFault;

/**
 * A filter planmap cannot answer: a syntax error (with where it is), an unknown property, a value of the wrong type
 * or a CQL2 feature planmap does not offer. A 400 naming the fault, never a filter quietly ignored.
 */
public final class FilterException extends ClientFault {

    public FilterException(String messageZh, String messageEn) {
        super("invalid-filter", "筛选条件 filter 无效：" + messageZh, "invalid filter: " + messageEn, null);
    }
}
