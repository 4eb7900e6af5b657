using CsCheck;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Tests.Collaboration;

public class NetworkRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void MEM_8_members_people_join_a_network_and_participation_is_counted_per_member()
    {
        var n = new Network(1, "Fagnettverk arkiv", NetworkKind.Network, "Felles arkivpraksis", Today);
        n.AddMemberParticipant(7, memberHasRights: true, "Kari Nordmann", "kari@asker.kommune.no", "arkivleder", Today);
        n.AddMemberParticipant(7, memberHasRights: true, "Ola Nordmann", "ola@asker.kommune.no", null, Today);
        n.AddMemberParticipant(8, memberHasRights: true, "Per Hansen", "per@baerum.kommune.no", null, Today);

        var perMember = Network.ParticipationByMember(n.Participants, Today);
        Assert.Equal(2, perMember[7]);
        Assert.Equal(1, perMember[8]);

        n.EndParticipation(n.Participants[0], Today.AddDays(10));
        Assert.Equal(1, Network.ParticipationByMember(n.Participants, Today.AddDays(10))[7]);
        Assert.Equal(2, Network.ParticipationByMember(n.Participants, Today.AddDays(9))[7]); // history is kept
    }

    [Fact]
    public void MEM_8_only_members_with_rights_send_people_and_one_person_joins_once()
    {
        var n = new Network(1, "Arbeidsgruppe skyplattform", NetworkKind.WorkingGroup, null, Today);
        var e = Assert.Throws<RuleViolation>(() => n.AddMemberParticipant(9, memberHasRights: false, "Eks Medlem", "x@y.no", null, Today));
        Assert.Equal(("MEM-8", ViolationKind.Conflict), (e.Rule, e.Kind));

        n.AddMemberParticipant(7, true, "Kari", "Kari@Asker.kommune.no", null, Today);
        Assert.Equal("MEM-8", Assert.Throws<RuleViolation>(() => n.AddMemberParticipant(7, true, "Kari igjen", "kari@asker.kommune.no", null, Today)).Rule);
        Assert.Equal("MEM-8", Assert.Throws<RuleViolation>(() => n.AddMemberParticipant(7, true, " ", null, null, Today)).Rule);

        n.Close(Today);
        Assert.Equal("MEM-8", Assert.Throws<RuleViolation>(() => n.AddMemberParticipant(7, true, "Ny", "ny@asker.kommune.no", null, Today)).Rule);
    }

    [Fact]
    public void PUR_2_external_partners_people_take_part_but_do_not_count_as_members()
    {
        var n = new Network(1, "Nasjonalt samarbeid", NetworkKind.Network, null, Today);
        n.AddExternalParticipant(3, "Liv Leverandør", "liv@leverandor.no", "rådgiver", Today);
        n.AddMemberParticipant(7, true, "Kari", "kari@asker.kommune.no", null, Today);
        Assert.Equal(2, n.Participants.Count);
        Assert.Equal([7], Network.ParticipationByMember(n.Participants, Today).Keys);
    }

    [Fact]
    public void PUR_3_activities_need_a_title() =>
        Assert.Equal("PUR-3", Assert.Throws<RuleViolation>(() => new Network(1, "N", NetworkKind.Network, null, Today).AddActivity(" ", NetworkActivityKind.Meeting, Today, null, null)).Rule);
}

public class EventRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2026, 12, 10, 8, 0, 0, TimeSpan.Zero);

    private static Event NewEvent(int capacity) => new(1, "Kurs i tjenestedesign", EventKind.Course, Start, "Drammen", capacity, new DateOnly(2026, 12, 5), null, null, Today);

    [Fact]
    public void PUR_3_registrations_beyond_the_capacity_go_on_the_waiting_list_and_a_cancellation_promotes_the_first_in_line()
    {
        var e = NewEvent(2);
        var a = e.Register(7, true, "A", "a@x.no", Today, Now, "office");
        e.Register(7, true, "B", "b@x.no", Today, Now.AddMinutes(1), "office");
        var c = e.Register(8, true, "C", "c@x.no", Today, Now.AddMinutes(2), "office");
        var d = e.Register(8, true, "D", "d@x.no", Today, Now.AddMinutes(3), "office");
        Assert.Equal((RegistrationStatus.Waiting, RegistrationStatus.Waiting), (c.Status, d.Status));
        Assert.Equal((2, 2), (e.Confirmed, e.Waiting));

        var promoted = e.Cancel(a, Now.AddHours(1));
        Assert.Same(c, promoted);
        Assert.Equal(RegistrationStatus.Confirmed, c.Status);
        Assert.Equal((2, 1), (e.Confirmed, e.Waiting));

        // Cancelling a waiting registration frees no place.
        Assert.Null(e.Cancel(d, Now.AddHours(2)));
        Assert.Equal("PUR-3", Assert.Throws<RuleViolation>(() => e.Cancel(d, Now.AddHours(2))).Rule);
    }

    [Fact]
    public void PUR_3_no_registration_after_the_deadline_twice_for_one_address_or_from_a_member_without_rights()
    {
        var e = NewEvent(10);
        e.Register(7, true, "A", "A@x.no", Today, Now, "office");
        Assert.Equal("PUR-3", Assert.Throws<RuleViolation>(() => e.Register(7, true, "A", "a@x.no", Today, Now, "office")).Rule);
        Assert.Equal("PUR-3", Assert.Throws<RuleViolation>(() => e.Register(7, true, "B", "b@x.no", new DateOnly(2026, 12, 6), Now, "office")).Rule);
        Assert.Equal("PUR-3", Assert.Throws<RuleViolation>(() => e.Register(9, false, "C", "c@x.no", Today, Now, "office")).Rule);
        Assert.Equal("PUR-3", Assert.Throws<RuleViolation>(() => e.Register(7, true, "D", "not-an-address", Today, Now, "office")).Rule);
    }

    [Fact]
    public void PUR_3_an_event_needs_a_capacity_a_future_start_and_a_deadline_before_it()
    {
        Assert.Equal("PUR-3", Assert.Throws<RuleViolation>(() => NewEvent(0)).Rule);
        Assert.Equal("PUR-3", Assert.Throws<RuleViolation>(() => new Event(1, "X", EventKind.Event, Start, null, 5, new DateOnly(2026, 12, 11), null, null, Today)).Rule);
        Assert.Equal("PUR-3", Assert.Throws<RuleViolation>(() => new Event(1, "X", EventKind.Event, Now.AddDays(-2), null, 5, Today.AddDays(-3), null, null, Today)).Rule);
    }

    [Fact]
    public void PUR_3_competence_per_member_counts_confirmed_and_attended()
    {
        var e = NewEvent(2);
        var a = e.Register(7, true, "A", "a@x.no", Today, Now, "office");
        e.Register(7, true, "B", "b@x.no", Today, Now, "office");
        e.Register(8, true, "C", "c@x.no", Today, Now, "office"); // waiting: not counted
        e.RecordAttendance(a, true);
        var per = EventPlaces.PerMember(e.Registrations);
        Assert.Equal((2, 1), per[7]);
        Assert.False(per.ContainsKey(8));
    }

    [Fact]
    public void PUR_3_property_confirmed_never_exceeds_capacity_and_nobody_waits_while_a_place_is_free()
    {
        // Any sequence of registrations and cancellations: confirmed ≤ capacity, and a waiting list only when full.
        Gen.Select(Gen.Int[1, 6], Gen.Int[0, 100].Array[1, 60]).Sample((capacity, ops) =>
        {
            var e = NewEvent(capacity);
            var n = 0;
            foreach (var op in ops)
            {
                var active = e.Registrations.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
                if (op < 35 && active.Count > 0)
                {
                    e.Cancel(active[op % active.Count], Now);
                }
                else
                {
                    n++;
                    e.Register(7, true, $"P{n}", $"p{n}@x.no", Today, Now.AddSeconds(n), "office");
                }

                if (e.Confirmed > capacity || (e.Waiting > 0 && e.Confirmed < capacity))
                {
                    return false;
                }
            }

            return true;
        });
    }
}

public class LibraryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PUR_4_ORG_4_a_new_statutes_version_keeps_the_old_and_the_current_is_the_newest_in_force()
    {
        var statutes = new LibraryDocument(1, LibraryKind.Statutes, "Vedtekter for DigiViken", null);
        statutes.Publish(10, new DateOnly(2022, 1, 1), "Årsmøtet 2021, sak 3", null, Now, "office");
        statutes.Publish(11, new DateOnly(2027, 1, 1), "Årsmøtet 2026, sak 5", "Ny kvorumsregel", Now, "office");

        Assert.Equal(2, statutes.Versions.Count);
        Assert.Equal(1, statutes.CurrentOn(new DateOnly(2026, 11, 25))!.Number); // version 2 is not in force yet
        Assert.Equal(2, statutes.CurrentOn(new DateOnly(2027, 1, 1))!.Number);
        Assert.Null(statutes.CurrentOn(new DateOnly(2021, 12, 31)));
    }

    [Fact]
    public void ORG_4_agreement_and_statutes_versions_need_the_adopting_decision_and_cannot_go_back_in_time()
    {
        var statutes = new LibraryDocument(1, LibraryKind.Statutes, "Vedtekter", null);
        Assert.Equal("ORG-4", Assert.Throws<RuleViolation>(() => statutes.Publish(10, new DateOnly(2022, 1, 1), " ", null, Now, "office")).Rule);
        statutes.Publish(10, new DateOnly(2024, 1, 1), "Årsmøtet 2023", null, Now, "office");
        Assert.Equal("ORG-4", Assert.Throws<RuleViolation>(() => statutes.Publish(11, new DateOnly(2023, 1, 1), "Årsmøtet 2024", null, Now, "office")).Rule);

        // Templates need no decision.
        var template = new LibraryDocument(1, LibraryKind.Template, "Mal for oppsigelsesbrev", null);
        Assert.Null(template.Publish(12, new DateOnly(2026, 11, 25), null, null, Now, "office").DecisionRef);
    }

    [Fact]
    public void PUR_4_news_needs_a_title_and_a_text() =>
        Assert.Equal("PUR-4", Assert.Throws<RuleViolation>(() => new NewsItem(1, "Overskrift", " ", Now, "office")).Rule);
}

public class ExternalPartnerRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void PUR_2_an_external_partner_is_never_a_member_and_takes_part_in_its_own_partnerships_projects_and_networks_once()
    {
        Assert.Equal("PUR-2", Assert.Throws<RuleViolation>(() => new ExternalPartner(1, "Asker kommune", ExternalPartnerKind.Other, "920125298", isMember: true, null, null)).Rule);

        var ks = new ExternalPartner(1, "KS", ExternalPartnerKind.Ks, null, isMember: false, "Kari KS", "kari@ks.no");
        ks.LinkProject(5, projectPartnershipId: 1, "referansegruppe", Today);
        ks.LinkNetwork(6, networkPartnershipId: 1, null, Today);
        Assert.Equal(2, ks.Links.Count);
        Assert.Equal("PUR-2", Assert.Throws<RuleViolation>(() => ks.LinkProject(5, 1, null, Today)).Rule);
        Assert.Equal("PUR-2", Assert.Throws<RuleViolation>(() => ks.LinkNetwork(7, networkPartnershipId: 2, null, Today)).Rule);
    }
}
