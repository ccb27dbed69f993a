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

    /** Creates or changes a member; true when the member is new. */
    boolean putMember(AccountId account, Member member);

    /** Removes a member; false when there was none. */
    boolean removeMember(AccountId account, UserId user);
}
