package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.AccountName;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.Plan;
import dev.pulse.accounts.domain.Role;
import dev.pulse.accounts.domain.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Creates, reads and changes the caller's account. */
public final class AccountService {
    private static final int PLAN_CHANGE_ATTEMPTS = 3;

    private final AccountStore accounts;
    private final TeamStore team;
    private final IdempotencyStore idempotency;
    private final Tenancy tenancy;
    private final Clock clock;
    private final Supplier<AccountId> ids;

    public AccountService(
            AccountStore accounts, TeamStore team, IdempotencyStore idempotency, Clock clock, Supplier<AccountId> ids) {
        this.accounts = accounts;
        this.team = team;
        this.idempotency = idempotency;
        this.tenancy = new Tenancy(team);
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Creates the account whose id the key claims, the owner member, then the owner's membership. A replay with the
     * same key finds the same id: after a create that finished it writes nothing; after a crash every step is a
     * conditional put that a replay skips, so it repairs the create. A replay by a caller who has since left the team
     * (or been removed) is refused: the key cannot bring anyone back.
     */
    public Account create(UserId caller, String idempotencyKey, AccountName name) {
        AccountId id = idempotency.claim(caller.value() + "#" + idempotencyKey, ids.get());
        Optional<Membership> current = team.membershipOf(caller);
        if (current.isPresent()) {
            if (!current.get().accountId().equals(id)) {
                throw Refusal.conflict("already_member", "you already belong to an account");
            }
            return find(id);
        }
        List<Member> members = team.members(id);
        boolean createdByCaller = members.stream().anyMatch(m -> m.userId().equals(caller) && m.role() == Role.OWNER);
        if (!members.isEmpty() && !createdByCaller) {
            throw Refusal.conflict(
                    "idempotency_key_used",
                    "this Idempotency-Key created an account you no longer belong to; send a new key to create one");
        }
        accounts.create(Account.create(id, name, clock.instant()));
        team.putMember(id, new Member(caller, Role.OWNER));
        if (!team.join(new Membership(caller, id, Role.OWNER))) {
            throw Refusal.conflict("already_member", "you already belong to an account");
        }
        return find(id);
    }

    public Account mine(UserId caller) {
        return find(tenancy.of(caller).accountId());
    }

    /** What {@code PATCH /accounts/me} may change; an absent value stays as it is. */
    public record Changes(Optional<AccountName> name, Optional<String> timezone, Optional<String> locale) {}

    /**
     * Changes the account's name and settings if {@code expectedVersion} is still the stored one; 412 otherwise. The
     * settings are merged into the stored ones, so a client that knows only some of them keeps the rest.
     */
    public Account update(UserId caller, long expectedVersion, Changes changes) {
        Account current = find(tenancy.writer(caller).accountId());
        if (current.version() != expectedVersion) {
            throw Refusal.stale();
        }
        Account next = current.changed(
                changes.name().orElse(current.name()),
                current.settings().with(changes.timezone(), changes.locale()),
                clock.instant());
        if (!accounts.replace(next)) {
            throw Refusal.stale();
        }
        return next;
    }

    /**
     * Billing's plan change, for operators' tools (no customer route changes a plan). A concurrent write makes the
     * conditional replace fail; the change is then made again on the version that write left.
     */
    public Account changePlan(AccountId id, Plan plan) {
        for (int attempt = 1; ; attempt++) {
            Account next = find(id).onPlan(plan, clock.instant());
            if (accounts.replace(next)) {
                return next;
            }
            if (attempt == PLAN_CHANGE_ATTEMPTS) {
                throw Refusal.stale();
            }
        }
    }

    private Account find(AccountId id) {
        return accounts.find(id).orElseThrow(() -> Refusal.notFound("not_found", "no such account"));
    }
}
