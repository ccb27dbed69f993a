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
        long version = store.member(acme, bob).orElseThrow().version();
        assertThat(store.removeMember(acme, bob, version)).isTrue();
        assertThat(store.removeMember(acme, bob, version)).isFalse();
        assertThat(store.members(acme)).containsExactly(new Member(amy, Role.OWNER));
    }

    @Test
    void givenAVersionRead_thenOnlyTheFirstWriteAtItWins_andEachWriteMovesIt() {
        TeamStore store = store();
        UserId bob = new UserId("bob");

        assertThat(store.member(acme, bob)).isEmpty();
        assertThat(store.putMember(acme, new Member(bob, Role.VIEWER), 0)).isTrue();
        assertThat(store.putMember(acme, new Member(bob, Role.EDITOR), 0)).isFalse();
        TeamStore.Versioned read = store.member(acme, bob).orElseThrow();
        assertThat(read.member()).isEqualTo(new Member(bob, Role.VIEWER));

        assertThat(store.putMember(acme, new Member(bob, Role.EDITOR), read.version()))
                .isTrue();
        assertThat(store.putMember(acme, new Member(bob, Role.OWNER), read.version()))
                .isFalse();
        assertThat(store.removeMember(acme, bob, read.version())).isFalse();

        TeamStore.Versioned now = store.member(acme, bob).orElseThrow();
        assertThat(now.member().role()).isEqualTo(Role.EDITOR);
        assertThat(now.version()).isGreaterThan(read.version());
        assertThat(store.removeMember(acme, bob, now.version())).isTrue();
        assertThat(store.member(acme, bob)).isEmpty();
    }
}
