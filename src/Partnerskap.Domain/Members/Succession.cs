using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Members;

/// <summary>What kind of change a succession is (MEM-1: counties and municipalities merge, split and are renumbered).</summary>
public enum SuccessionKind
{
    Merger,
    Split,
    Other,
}

/// <summary>
/// Organisations ceased and others took over on a date (the real case: Viken fylkeskommune split into Akershus, Buskerud
/// and Østfold fylkeskommune on 1 January 2024). The partnership decides per successor whether it becomes a member.
/// History stays intact: predecessors keep their record and exit on the date; member successors join on it.
/// </summary>
public sealed class Succession
{
    private readonly List<SuccessionParty> _parties = [];

    private Succession()
    {
        Description = "";
        RecordedBy = "";
    }

    public Succession(int partnershipId, SuccessionKind kind, DateOnly effectiveOn, string description, string? decisionRef, string recordedBy, DateTimeOffset recordedAt)
    {
        PartnershipId = partnershipId;
        Kind = kind;
        EffectiveOn = effectiveOn;
        Description = description;
        DecisionRef = decisionRef;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public SuccessionKind Kind { get; private set; }

    /// <summary>The first day of the new organisations (predecessors' exit date, member successors' join date).</summary>
    public DateOnly EffectiveOn { get; private set; }

    public string Description { get; private set; }

    /// <summary>The decision that settled which successors become members.</summary>
    public string? DecisionRef { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<SuccessionParty> Parties => _parties;

    /// <summary>
    /// MEM-1: applies the succession. Predecessors must be members with rights the day before; each ceases.
    /// Successors get a member record (joining on the date) when <see cref="SuccessorPlan.BecomesMember"/>; returns them.
    /// </summary>
    public List<Member> Apply(IReadOnlyList<Member> predecessors, IReadOnlyList<SuccessorPlan> successors, IReadOnlySet<string> existingOrgnrs)
    {
        if (predecessors.Count == 0)
        {
            throw RuleViolation.Invalid("predecessors", "Name at least one member organisation that ceased.");
        }

        if (successors.Count == 0)
        {
            throw RuleViolation.Invalid("successors", "Name at least one organisation that took over.");
        }

        var dayBefore = EffectiveOn.AddDays(-1);
        foreach (var p in predecessors)
        {
            if (!p.HasRightsOn(dayBefore))
            {
                throw RuleViolation.Conflict($"{p.Name} was not a member on {dayBefore:yyyy-MM-dd}, the day before the succession.", "MEM-5", "predecessors");
            }
        }

        var joined = new List<Member>();
        foreach (var s in successors)
        {
            if (!OrganisationNumber.TryParse(s.Orgnr, out var orgnr))
            {
                throw RuleViolation.Invalid("successors", $"'{s.Orgnr}' is not a valid organisation number (9 digits, mod-11).");
            }

            if (string.IsNullOrWhiteSpace(s.Name))
            {
                throw RuleViolation.Invalid("successors", $"The successor {orgnr} needs a name.");
            }

            if (s.BecomesMember && existingOrgnrs.Contains(orgnr.Value))
            {
                throw RuleViolation.Conflict($"{s.Name} ({orgnr}) is already in the member register.", "MEM-2", "successors");
            }

            Member? member = null;
            if (s.BecomesMember)
            {
                member = new Member(PartnershipId, orgnr, s.Name, s.Kind, EffectiveOn); // MEM-2: joins on the succession date
                if (s.MunicipalityNumber is { } number)
                {
                    member.AddMunicipalityNumber(number, EffectiveOn);
                }

                joined.Add(member);
            }

            _parties.Add(SuccessionParty.Successor(orgnr.Value, s.Name.Trim(), s.BecomesMember, member));
        }

        foreach (var p in predecessors)
        {
            p.Cease(EffectiveOn);
            _parties.Add(SuccessionParty.Predecessor(p));
        }

        return joined;
    }
}

/// <summary>What the partnership decided for one successor.</summary>
public sealed record SuccessorPlan(string Orgnr, string Name, MemberKind Kind, MunicipalityNumber? MunicipalityNumber, bool BecomesMember);

/// <summary>One side of a succession: a predecessor member that ceased, or a successor organisation.</summary>
public sealed class SuccessionParty
{
    private SuccessionParty()
    {
        Orgnr = "";
        Name = "";
    }

    public int Id { get; private set; }

    public int SuccessionId { get; private set; }

    public bool IsPredecessor { get; private set; }

    public string Orgnr { get; private set; }

    public string Name { get; private set; }

    /// <summary>For successors: whether the partnership let it become a member.</summary>
    public bool BecameMember { get; private set; }

    /// <summary>The member record (predecessor, or successor that became a member).</summary>
    public int? MemberId { get; private set; }

    public Member? Member { get; private set; }

    internal static SuccessionParty Predecessor(Member member) =>
        new() { IsPredecessor = true, Orgnr = member.Orgnr, Name = member.Name, BecameMember = true, Member = member };

    internal static SuccessionParty Successor(string orgnr, string name, bool becameMember, Member? member) =>
        new() { IsPredecessor = false, Orgnr = orgnr, Name = name, BecameMember = becameMember, Member = member };
}
