package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.Role;
import dev.pulse.accounts.domain.UserId;

/** Turns the token's subject into its tenant: the only way a request reaches an account. */
public final class Tenancy {
    private final TeamStore team;

    public Tenancy(TeamStore team) {
        this.team = team;
    }

    /** The caller's membership; 404 when they belong to no account (an account they cannot see does not exist). */
    public Membership of(UserId caller) {
        return team.membershipOf(caller)
                .orElseThrow(() -> Refusal.notFound("not_found", "you belong to no account; POST /accounts first"));
    }

    /** The caller's membership when its role may write; 403 for a viewer. */
    public Membership writer(UserId caller) {
        Membership membership = of(caller);
        if (!membership.role().canWrite()) {
            throw Refusal.forbidden("a viewer cannot change the account");
        }
        return membership;
    }

    /** The caller's membership when they own the account; 403 otherwise. */
    public Membership owner(UserId caller) {
        Membership membership = of(caller);
        if (membership.role() != Role.OWNER) {
            throw Refusal.forbidden("only an owner changes the team");
        }
        return membership;
    }
}
