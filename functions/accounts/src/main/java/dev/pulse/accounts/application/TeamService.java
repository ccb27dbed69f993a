package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.Role;
import dev.pulse.accounts.domain.UserId;
import java.util.List;

/** The caller's team: anyone in it reads it, only an owner changes it, and it always keeps one owner. */
public final class TeamService {
    private final TeamStore team;
    private final Tenancy tenancy;

    public TeamService(TeamStore team) {
        this.team = team;
        this.tenancy = new Tenancy(team);
    }

    public List<Member> members(UserId caller) {
        return team.members(tenancy.of(caller).accountId());
    }

    /** Adds or changes a member; true when new. 409 when the user is in another account or it would leave no owner. */
    public boolean put(UserId caller, Member member) {
        AccountId account = tenancy.owner(caller).accountId();
        if (member.role() != Role.OWNER) {
            requireAnotherOwner(account, member.userId());
        }
        // The membership first: if the user belongs elsewhere, nothing of this account changes.
        if (!team.join(new Membership(member.userId(), account, member.role()))) {
            throw Refusal.conflict("member_of_another_account", "that user belongs to another account");
        }
        return team.putMember(account, member);
    }

    /** Removes a member; 404 when they are not one, 409 for the last owner. */
    public void remove(UserId caller, UserId user) {
        AccountId account = tenancy.owner(caller).accountId();
        boolean member = team.members(account).stream().anyMatch(m -> m.userId().equals(user));
        if (!member) {
            throw Refusal.notFound("not_found", "no such member");
        }
        requireAnotherOwner(account, user);
        team.removeMember(account, user);
        team.leave(user, account);
    }

    private void requireAnotherOwner(AccountId account, UserId leaving) {
        boolean leavingIsOwner =
                team.members(account).stream().anyMatch(m -> m.userId().equals(leaving) && m.role() == Role.OWNER);
        long others = team.members(account).stream()
                .filter(m -> m.role() == Role.OWNER && !m.userId().equals(leaving))
                .count();
        if (leavingIsOwner && others == 0) {
            throw Refusal.conflict("last_owner", "the account's last owner cannot be removed or demoted");
        }
    }
}
