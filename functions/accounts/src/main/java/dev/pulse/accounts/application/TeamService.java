package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.Role;
import dev.pulse.accounts.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The caller's team: anyone in it reads it, only an owner changes it, and it always keeps one owner.
 *
 * <p>Every change is optimistic: the member's item is written only at the version read, and the account's
 * {@code ownerCount} guards the last owner with a conditional decrement. The member routes carry no {@code If-Match},
 * so a writer that loses a race re-reads and decides again (a second PUT of a new member finds it there: {@code 200};
 * two owners demoting each other: the second finds itself the last owner: {@code 409 last_owner}); after
 * {@link #ATTEMPTS} lost races in a row it answers {@code 409 concurrent_update}.
 */
public final class TeamService {
    static final int ATTEMPTS = 5;

    private final AccountStore accounts;
    private final TeamStore team;
    private final Tenancy tenancy;

    public TeamService(AccountStore accounts, TeamStore team) {
        this.accounts = accounts;
        this.team = team;
        this.tenancy = new Tenancy(team);
    }

    public List<Member> members(UserId caller) {
        return team.members(tenancy.of(caller).accountId());
    }

    /** Adds or changes a member; true when new. 409 when the user is in another account or it would leave no owner. */
    public boolean put(UserId caller, Member member) {
        AccountId account = tenancy.owner(caller).accountId();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var current = team.member(account, member.userId());
            boolean demoted = isOwner(current) && member.role() != Role.OWNER;
            boolean promoted = !isOwner(current) && member.role() == Role.OWNER;
            if (demoted && !accounts.releaseOwner(account)) {
                throw lastOwner();
            }
            // The membership first: if the user belongs elsewhere, nothing of this account changes.
            if (!team.join(new Membership(member.userId(), account, member.role()))) {
                undoRelease(demoted, account);
                throw Refusal.conflict("member_of_another_account", "that user belongs to another account");
            }
            long version = current.map(TeamStore.Versioned::version).orElse(0L);
            if (team.putMember(account, member, version)) {
                if (promoted) {
                    accounts.addOwner(account);
                }
                return current.isEmpty();
            }
            undoRelease(demoted, account);
        }
        throw concurrentUpdate();
    }

    /** Removes a member; 404 when they are not one, 409 for the last owner. */
    public void remove(UserId caller, UserId user) {
        AccountId account = tenancy.owner(caller).accountId();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var current = team.member(account, user).orElseThrow(() -> Refusal.notFound("not_found", "no such member"));
            boolean owner = isOwner(Optional.of(current));
            if (owner && !accounts.releaseOwner(account)) {
                throw lastOwner();
            }
            if (team.removeMember(account, user, current.version())) {
                team.leave(user, account);
                return;
            }
            undoRelease(owner, account);
        }
        throw concurrentUpdate();
    }

    private static boolean isOwner(Optional<TeamStore.Versioned> member) {
        return member.map(m -> m.member().role() == Role.OWNER).orElse(false);
    }

    /** The write the released owner was for did not happen: count them again. */
    private void undoRelease(boolean released, AccountId account) {
        if (released) {
            accounts.addOwner(account);
        }
    }

    private static Refusal lastOwner() {
        return Refusal.conflict("last_owner", "the account's last owner cannot be removed or demoted");
    }

    private static Refusal concurrentUpdate() {
        return Refusal.conflict("concurrent_update", "the team kept changing during the request; try again");
    }
}
