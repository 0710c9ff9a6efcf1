package org.planmap.layer;

import org.planmap.ClientFault;

/** A query a layer cannot answer as asked, such as a division-code filter on a layer without division codes. */
public final class LayerQueryException extends ClientFault {

    LayerQueryException(String code, String messageZh, String messageEn) {
        super(code, messageZh, messageEn, null);
    }
}
