package org.planmap.account;

import java.util.function.Consumer;

/** The append-only audit log (全过程留痕): the store itself refuses to update or delete an entry. */
public interface AuditTrail {

    /** Appends {@code entry}; its id and nothing else is assigned by the log. */
    void append(AuditEntry entry);

    /** The entries matching {@code query}, oldest first, handed one by one (the log may be long). */
    void read(AuditQuery query, Consumer<AuditEntry> each);
}
