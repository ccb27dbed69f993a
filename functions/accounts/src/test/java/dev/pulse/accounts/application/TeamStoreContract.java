package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.Role;
import dev.pulse.accounts.domain.UserId;
import org.junit.jupiter.api.Test;

/** What every {@link TeamStore} must do. */
public abstract class TeamStoreContract {
    protected abstract TeamStore store();

    private final AccountId acme = AccountId.random();
    private final AccountId other = AccountId.random();
    private final UserId ada = new UserId("ada-" + acme.value().substring(0, 8));

    @Test
    void givenAJoin_thenTheMembershipResolves_andItsRoleMayChange() {
        TeamStore store = store();

        assertThat(store.join(new Membership(ada, acme, Role.OWNER))).isTrue();
        assertThat(store.join(new Membership(ada, acme, Role.EDITOR))).isTrue();

        assertThat(store.membershipOf(ada)).contains(new Membership(ada, acme, Role.EDITOR));
    }

    @Test
    void givenAMemberOfOneAccount_whenJoiningAnother_thenRefused_andTheFirstStays() {
        TeamStore store = store();
        store.join(new Membership(ada, acme, Role.OWNER));

        assertThat(store.join(new Membership(ada, other, Role.OWNER))).isFalse();
        assertThat(store.membershipOf(ada).orElseThrow().accountId()).isEqualTo(acme);
    }

    @Test
    void givenLeaveForAnotherAccount_thenTheMembershipStays_andForItsOwn_thenItGoes() {
        TeamStore store = store();
        store.join(new Membership(ada, acme, Role.VIEWER));

        store.leave(ada, other);
        assertThat(store.membershipOf(ada)).isPresent();
        store.leave(ada, acme);
        assertThat(store.membershipOf(ada)).isEmpty();
    }

    @Test
    void givenMembersPut_thenListedInUserOrder_newOnceThenChanged_andRemovedOnce() {
        TeamStore store = store();
        UserId bob = new UserId("bob");
        UserId amy = new UserId("amy");

        assertThat(store.putMember(acme, new Member(bob, Role.VIEWER))).isTrue();
        assertThat(store.putMember(acme, new Member(amy, Role.OWNER))).isTrue();
        assertThat(store.putMember(acme, new Member(bob, Role.EDITOR))).isFalse();

        assertThat(store.members(acme)).containsExactly(new Member(amy, Role.OWNER), new Member(bob, Role.EDITOR));
        assertThat(store.members(other)).isEmpty();
        assertThat(store.removeMember(acme, bob)).isTrue();
        assertThat(store.removeMember(acme, bob)).isFalse();
        assertThat(store.members(acme)).containsExactly(new Member(amy, Role.OWNER));
    }
}
