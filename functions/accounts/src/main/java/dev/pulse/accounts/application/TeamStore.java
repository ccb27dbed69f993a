package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The members table (account → users) and the memberships table (user → account), written in that order: a crash
 * between the two leaves a member without a membership, which a retry of the same request completes.
 */
public interface TeamStore {
    Optional<Membership> membershipOf(UserId user);

    /**
     * Records (or changes the role of) the user's membership unless they belong to another account; false then.
     */
    boolean join(Membership membership);

    /** Removes the user's membership if it names {@code account}. */
    void leave(UserId user, AccountId account);

    List<Member> members(AccountId account);

    /** The member and the version of its item (which grows by one on every write), or empty. */
    Optional<Versioned> member(AccountId account, UserId user);

    /** Creates or changes a member whatever its version (the owner of a new account); true when the member is new. */
    boolean putMember(AccountId account, Member member);

    /**
     * Creates or changes a member only if its item is still at {@code expectedVersion} ({@code 0}: absent); false when
     * another write came first.
     */
    boolean putMember(AccountId account, Member member, long expectedVersion);

    /** Removes a member only if its item is still at {@code expectedVersion}; false when it moved or is gone. */
    boolean removeMember(AccountId account, UserId user, long expectedVersion);

    /** A member as read, with the version a conditional write expects. */
    record Versioned(Member member, long version) {}
}
