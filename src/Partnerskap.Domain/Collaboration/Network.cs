using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Collaboration;

/// <summary>A standing network (faggruppe, nettverk) or a working group with a task and an end (arbeidsgruppe).</summary>
public enum NetworkKind
{
    Network,
    WorkingGroup,
}

/// <summary>What happened in a network: a meeting, a workshop, or another activity.</summary>
public enum NetworkActivityKind
{
    Meeting,
    Workshop,
    Other,
}

/// <summary>
/// MEM-8: users of digital services and professionals at the members take part in relevant processes through networks
/// and working groups. PUR-3: networks raise the members' competence. PUR-2: people from external partners (other
/// regions, KS, the State, suppliers, research) may take part too, without being members.
/// </summary>
public sealed class Network
{
    private readonly List<NetworkParticipant> _participants = [];
    private readonly List<NetworkActivity> _activities = [];

    private Network()
    {
        Name = Purpose = "";
    }

    public Network(int partnershipId, string? name, NetworkKind kind, string? purpose, DateOnly startedOn)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw RuleViolation.Invalid("name", "A network needs a name.", "MEM-8");
        }

        PartnershipId = partnershipId;
        Name = name.Trim();
        Kind = kind;
        Purpose = purpose?.Trim() ?? "";
        StartedOn = startedOn;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Name { get; private set; }

    public NetworkKind Kind { get; private set; }

    /// <summary>What the network or group is for (mandate).</summary>
    public string Purpose { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public IReadOnlyList<NetworkParticipant> Participants => _participants;

    public IReadOnlyList<NetworkActivity> Activities => _activities;

    /// <summary>
    /// MEM-8: a person from a member organisation joins. Only a member with rights on the day (a member, or under
    /// notice; not after its exit, MEM-5) can send people; one active participation per e-mail address.
    /// </summary>
    public NetworkParticipant AddMemberParticipant(int memberId, bool memberHasRights, string? name, string? email, string? title, DateOnly on)
    {
        if (!memberHasRights)
        {
            throw RuleViolation.Conflict($"The organisation is not a member with rights on {on:yyyy-MM-dd}; only members' staff take part (MEM-8).", "MEM-8", "orgnr");
        }

        return Add(new NetworkParticipant(memberId, null, Required(name, "name"), email, title, on));
    }

    /// <summary>PUR-2: a person from an external partner (another region, KS, the State, a supplier) takes part.</summary>
    public NetworkParticipant AddExternalParticipant(int externalPartnerId, string? name, string? email, string? title, DateOnly on) =>
        Add(new NetworkParticipant(null, externalPartnerId, Required(name, "name"), email, title, on));

    private NetworkParticipant Add(NetworkParticipant participant)
    {
        if (ClosedOn is not null)
        {
            throw RuleViolation.Conflict("The network is closed.", "MEM-8");
        }

        if (participant.Email is { } email && _participants.Any(p => p.LeftOn is null && string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw RuleViolation.Conflict($"{email} already takes part in this network.", "MEM-8", "email");
        }

        _participants.Add(participant);
        return participant;
    }

    /// <summary>A participant leaves (history is kept).</summary>
    public void EndParticipation(NetworkParticipant p, DateOnly on)
    {
        if (!_participants.Contains(p))
        {
            throw new KeyNotFoundException("The participant is not in this network.");
        }

        if (p.LeftOn is not null)
        {
            throw RuleViolation.Conflict("The participant has already left.", "MEM-8");
        }

        p.Leave(on < p.JoinedOn ? p.JoinedOn : on);
    }

    /// <summary>PUR-3 / PUR-4: a meeting or activity, with an optional shared document.</summary>
    public NetworkActivity AddActivity(string? title, NetworkActivityKind kind, DateOnly on, string? notes, int? documentId)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw RuleViolation.Invalid("title", "An activity needs a title.", "PUR-3");
        }

        var activity = new NetworkActivity(title.Trim(), kind, on, notes?.Trim(), documentId);
        _activities.Add(activity);
        return activity;
    }

    public void Close(DateOnly on)
    {
        if (ClosedOn is not null)
        {
            throw RuleViolation.Conflict("The network is already closed.", "MEM-8");
        }

        ClosedOn = on;
    }

    /// <summary>MEM-8: participation per member on a day: member id → number of its people taking part.</summary>
    public static IReadOnlyDictionary<int, int> ParticipationByMember(IEnumerable<NetworkParticipant> participants, DateOnly on) =>
        participants.Where(p => p.MemberId is not null && p.IsActiveOn(on))
            .GroupBy(p => p.MemberId!.Value)
            .ToDictionary(g => g.Key, g => g.Count());

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw RuleViolation.Invalid(field, "Write the participant's name.", "MEM-8") : value.Trim();
}

/// <summary>A person in a network: from a member (MEM-8) or from an external partner (PUR-2).</summary>
public sealed class NetworkParticipant
{
    private NetworkParticipant()
    {
        Name = "";
    }

    internal NetworkParticipant(int? memberId, int? externalPartnerId, string name, string? email, string? title, DateOnly joinedOn)
    {
        MemberId = memberId;
        ExternalPartnerId = externalPartnerId;
        Name = name;
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        JoinedOn = joinedOn;
    }

    public int Id { get; private set; }

    public int NetworkId { get; private set; }

    public int? MemberId { get; private set; }

    public int? ExternalPartnerId { get; private set; }

    public string Name { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Position or role at the organisation (e.g. "arkivleder", "innbygger-UX").</summary>
    public string? Title { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    public bool IsActiveOn(DateOnly on) => JoinedOn <= on && (LeftOn is null || on < LeftOn);

    internal void Leave(DateOnly on) => LeftOn = on;
}

/// <summary>A meeting or activity of a network, with an optional shared document.</summary>
public sealed class NetworkActivity
{
    private NetworkActivity()
    {
        Title = "";
    }

    internal NetworkActivity(string title, NetworkActivityKind kind, DateOnly on, string? notes, int? documentId)
    {
        Title = title;
        Kind = kind;
        On = on;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes;
        DocumentId = documentId;
    }

    public int Id { get; private set; }

    public int NetworkId { get; private set; }

    public string Title { get; private set; }

    public NetworkActivityKind Kind { get; private set; }

    public DateOnly On { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>A shared document (agenda, minutes, slides) in the document store.</summary>
    public int? DocumentId { get; private set; }
}
