package org.planmap.account;

import java.util.List;
import java.util.Optional;

/** The named accounts, kept in the store so that every server on it knows them and they survive restarts. */
public interface Accounts {

    List<Account> all();

    Optional<Account> find(String name);

    /** Adds a new account; a name already taken (enabled or not) is refused. */
    void add(Account account);

    /** Replaces the account of that name (role, hash, enabled); an unknown name is refused. */
    void update(Account account);
}
