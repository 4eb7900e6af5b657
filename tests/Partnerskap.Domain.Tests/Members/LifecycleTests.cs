using CsCheck;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Tests.Members;

public class LifecycleTests
{
    private static readonly DateOnly Joined = new(2022, 1, 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Member Asker() => new(1, OrganisationNumber.Parse("920125298"), "Asker", MemberKind.Municipality, Joined);

    private static DateTimeOffset At(DateOnly d) => new(d.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static ResignationNotice Give(Member m, DateOnly on, LateNoticePolicy policy = LateNoticePolicy.EffectiveYearAfterNext) =>
        m.GiveNotice(At(on), on, documentId: 1, policy, "office@test", Now);

    [Fact]
    public void MEM_4_notice_without_a_written_document_is_refused()
    {
        var ex = Assert.Throws<RuleViolation>(() => Asker().GiveNotice(Now, new DateOnly(2026, 3, 1), null, LateNoticePolicy.EffectiveYearAfterNext, "x", Now));
        Assert.Equal("MEM-4", ex.Rule);
        Assert.Equal("document", ex.Field);
        Assert.Equal(ViolationKind.Invalid, ex.Kind);
    }

    [Fact]
    public void MEM_3_notice_by_30_june_gives_exit_1_january_and_status_notice_given_until_then()
    {
        var m = Asker();
        var notice = Give(m, new DateOnly(2026, 6, 30));
        Assert.Equal(new DateOnly(2027, 1, 1), notice.EffectiveOn);
        Assert.Equal(MembershipStatus.Member, m.StatusOn(new DateOnly(2026, 6, 29)));
        Assert.Equal(MembershipStatus.NoticeGiven, m.StatusOn(new DateOnly(2026, 12, 31)));
        Assert.Equal(MembershipStatus.Exited, m.StatusOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void MEM_3_a_second_standing_notice_is_refused()
    {
        var m = Asker();
        Give(m, new DateOnly(2026, 3, 1));
        var ex = Assert.Throws<RuleViolation>(() => Give(m, new DateOnly(2026, 3, 2)));
        Assert.Equal(("MEM-3", ViolationKind.Conflict), (ex.Rule, ex.Kind));
    }

    [Fact]
    public void MEM_3_late_notice_is_refused_under_the_refusing_policy()
    {
        var ex = Assert.Throws<RuleViolation>(() => Give(Asker(), new DateOnly(2026, 7, 1), LateNoticePolicy.Refused));
        Assert.Equal("MEM-3", ex.Rule);
    }

    [Fact]
    public void MEM_5_withdrawal_before_the_effective_date_restores_full_membership_but_keeps_history()
    {
        var m = Asker();
        Give(m, new DateOnly(2026, 3, 1));
        m.WithdrawNotice(new DateOnly(2026, 11, 25), withdrawalAllowed: true, "office@test", Now);

        Assert.Null(m.ActiveNotice);
        Assert.Single(m.Notices);
        Assert.Equal(MembershipStatus.NoticeGiven, m.StatusOn(new DateOnly(2026, 6, 1))); // as it stood then
        Assert.Equal(MembershipStatus.Member, m.StatusOn(new DateOnly(2026, 11, 25)));
        Assert.Equal(MembershipStatus.Member, m.StatusOn(new DateOnly(2027, 1, 1)));
        Give(m, new DateOnly(2026, 11, 26)); // a new notice may follow
    }

    [Fact]
    public void MEM_5_withdrawal_on_or_after_the_effective_date_is_refused()
    {
        var m = Asker();
        Give(m, new DateOnly(2026, 3, 1));
        var ex = Assert.Throws<RuleViolation>(() => m.WithdrawNotice(new DateOnly(2027, 1, 1), true, "x", Now));
        Assert.Equal(("MEM-5", ViolationKind.Conflict), (ex.Rule, ex.Kind));
        Assert.NotNull(m.ActiveNotice);
    }

    [Fact]
    public void MEM_5_withdrawal_is_refused_when_the_policy_does_not_allow_it()
    {
        var m = Asker();
        Give(m, new DateOnly(2026, 3, 1));
        Assert.Equal("MEM-5", Assert.Throws<RuleViolation>(() => m.WithdrawNotice(new DateOnly(2026, 4, 1), false, "x", Now)).Rule);
    }

    [Fact]
    public void MEM_5_an_exited_member_cannot_give_notice_again()
    {
        var m = Asker();
        Give(m, new DateOnly(2025, 3, 1)); // exit 2026-01-01
        var ex = Assert.Throws<RuleViolation>(() => Give(m, new DateOnly(2026, 3, 1)));
        Assert.Equal("MEM-5", ex.Rule);
    }

    [Fact]
    public void MEM_5_no_fee_from_the_effective_year_on_but_earlier_years_stay_due()
    {
        var m = Asker();
        Give(m, new DateOnly(2025, 3, 1)); // exit 2026-01-01
        Assert.True(m.OwesFeeFor(2022));
        Assert.True(m.OwesFeeFor(2025));
        Assert.False(m.OwesFeeFor(2026));
        Assert.False(m.OwesFeeFor(2021)); // before joining
    }

    [Fact]
    public void MEM_5_rights_hold_on_the_day_before_exit_and_end_on_the_exit_date() =>
        Gen.Select(Gen.Int[0, 3000], Gen.Bool).Sample((offset, withdraw) =>
        {
            var m = Asker();
            var received = Joined.AddDays(offset);
            var notice = Give(m, received);
            if (withdraw && received < notice.EffectiveOn.AddDays(-1))
            {
                m.WithdrawNotice(received.AddDays(1), true, "x", Now);
                return m.HasRightsOn(notice.EffectiveOn) && m.HasRightsOn(notice.EffectiveOn.AddYears(5));
            }

            return m.HasRightsOn(notice.EffectiveOn.AddDays(-1)) && !m.HasRightsOn(notice.EffectiveOn)
                && m.StatusOn(received) == MembershipStatus.NoticeGiven;
        });

    [Fact]
    public void MEM_7_a_role_has_one_holder_at_a_time()
    {
        var m = Asker();
        var first = m.AddContact("Kari Nordmann", "kari@asker.kommune.no", null);
        var second = m.AddContact("Ola Nordmann", "ola@asker.kommune.no", null);
        var role = m.AssignRole(first, MemberRole.ChiefExecutive, new DateOnly(2022, 1, 1), null);

        var ex = Assert.Throws<RuleViolation>(() => m.AssignRole(second, MemberRole.ChiefExecutive, new DateOnly(2026, 1, 1), null));
        Assert.Equal("MEM-7", ex.Rule);

        m.EndRole(role, new DateOnly(2025, 12, 31));
        m.AssignRole(second, MemberRole.ChiefExecutive, new DateOnly(2026, 1, 1), null);
        Assert.Equal(2, m.Roles.Count);
    }

    [Fact]
    public void MEM_1_a_split_ends_the_predecessor_and_the_chosen_successors_join_on_the_date()
    {
        var viken = new Member(1, OrganisationNumber.Parse("921693230"), "Viken fylkeskommune", MemberKind.County, Joined);
        var split = new Succession(1, SuccessionKind.Split, new DateOnly(2024, 1, 1), "Viken delt", "Årsmøtet 2023 sak 7", "office", Now);

        // Test organisation numbers (mod-11 valid, not the real county authorities').
        var joined = split.Apply(
            [viken],
            [
                new SuccessorPlan("100000008", "Akershus fylkeskommune (test)", MemberKind.County, null, true),
                new SuccessorPlan("100000016", "Buskerud fylkeskommune (test)", MemberKind.County, null, true),
                new SuccessorPlan("100000024", "Østfold fylkeskommune (test)", MemberKind.County, null, false),
            ],
            new HashSet<string> { viken.Orgnr });

        Assert.Equal(2, joined.Count);
        Assert.All(joined, j => Assert.Equal(new DateOnly(2024, 1, 1), j.JoinedOn));
        Assert.Equal(MembershipStatus.Member, viken.StatusOn(new DateOnly(2023, 12, 31)));
        Assert.Equal(MembershipStatus.Exited, viken.StatusOn(new DateOnly(2024, 1, 1)));
        Assert.True(viken.OwesFeeFor(2023));
        Assert.False(viken.OwesFeeFor(2024));
        Assert.Equal(4, split.Parties.Count);
    }

    [Fact]
    public void MEM_1_a_predecessor_must_have_been_a_member_the_day_before()
    {
        var m = Asker();
        Give(m, new DateOnly(2022, 3, 1)); // exit 2023-01-01
        var merger = new Succession(1, SuccessionKind.Merger, new DateOnly(2024, 1, 1), "", "ref", "office", Now);
        var ex = Assert.Throws<RuleViolation>(() => merger.Apply([m], [new SuccessorPlan("100000008", "Ny", MemberKind.Municipality, null, true)], new HashSet<string>()));
        Assert.Equal("MEM-5", ex.Rule);
    }
}
