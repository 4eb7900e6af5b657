namespace Partnerskap.Domain.Members;

/// <summary>
/// An organisation that has signed a partnership's agreement (MEM-1, MEM-2). Keyed by orgnr within its partnership.
/// State changes go through methods that keep the rules.
/// </summary>
public sealed class Member
{
    private readonly List<MunicipalityNumberPeriod> _municipalityNumbers = [];

    private Member()
    {
        Orgnr = "";
        Name = "";
    }

    /// <param name="partnershipId">The partnership whose agreement was signed.</param>
    /// <param name="orgnr">Organisation number; must pass the mod-11 check.</param>
    /// <param name="name">The organisation's name.</param>
    /// <param name="kind">County, municipality or other (MEM-1).</param>
    /// <param name="joinedOn">MEM-2: start of membership (the signing date unless another start date is given).</param>
    public Member(int partnershipId, OrganisationNumber orgnr, string name, MemberKind kind, DateOnly joinedOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        PartnershipId = partnershipId;
        Orgnr = orgnr.Value ?? throw new ArgumentException("Organisation number is required.", nameof(orgnr));
        Name = name.Trim();
        Kind = kind;
        JoinedOn = joinedOn;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    /// <summary>Organisation number, nine digits.</summary>
    public string Orgnr { get; private set; }

    public string Name { get; private set; }

    public MemberKind Kind { get; private set; }

    /// <summary>MEM-2: first day of membership.</summary>
    public DateOnly JoinedOn { get; private set; }

    /// <summary>MEM-2: who signed ("For kommune/fylkeskommune"), where and when, when recorded.</summary>
    public string? SignedBy { get; private set; }

    public string? SignedAt { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    /// <summary>The municipality numbers this member has had, each with its validity period (numbers change, MEM-1).</summary>
    public IReadOnlyList<MunicipalityNumberPeriod> MunicipalityNumbers => _municipalityNumbers;

    /// <summary>MEM-2: record the signature behind the membership.</summary>
    public void RecordSigning(string? signedBy, string? signedAt, DateOnly? signedOn)
    {
        SignedBy = string.IsNullOrWhiteSpace(signedBy) ? null : signedBy.Trim();
        SignedAt = string.IsNullOrWhiteSpace(signedAt) ? null : signedAt.Trim();
        SignedOn = signedOn;
    }

    /// <summary>Adds a municipality number valid from <paramref name="validFrom"/>; closes the open period the day before.</summary>
    public void AddMunicipalityNumber(MunicipalityNumber number, DateOnly validFrom, DateOnly? validTo = null)
    {
        if (Kind != MemberKind.Municipality)
        {
            throw new InvalidOperationException("Only municipalities have municipality numbers.");
        }

        if (_municipalityNumbers.Any(p => p.Overlaps(validFrom, validTo) && p.ValidTo is not null))
        {
            throw new InvalidOperationException($"Municipality number {number} overlaps an earlier period.");
        }

        foreach (var open in _municipalityNumbers.Where(p => p.ValidTo is null && p.ValidFrom < validFrom))
        {
            open.CloseOn(validFrom.AddDays(-1));
        }

        _municipalityNumbers.Add(new MunicipalityNumberPeriod(number.Value, validFrom, validTo));
    }

    /// <summary>The municipality number valid on <paramref name="date"/>, or the earliest one if the date is before all periods.</summary>
    public string? MunicipalityNumberOn(DateOnly date) =>
        _municipalityNumbers.FirstOrDefault(p => p.Covers(date))?.Number
        ?? _municipalityNumbers.OrderBy(p => p.ValidFrom).FirstOrDefault()?.Number;

    /// <summary>MEM-3/MEM-5 status on a date (null before joining). Notices arrive with the membership lifecycle.</summary>
    public MembershipStatus? StatusOn(DateOnly asOf) => Membership.StatusOn(JoinedOn, null, null, asOf);
}

/// <summary>A municipality number and the dates it was in use (inclusive). Open-ended while current.</summary>
public sealed class MunicipalityNumberPeriod
{
    private MunicipalityNumberPeriod() => Number = "";

    internal MunicipalityNumberPeriod(string number, DateOnly validFrom, DateOnly? validTo)
    {
        if (validTo is { } to && to < validFrom)
        {
            throw new ArgumentException("A period cannot end before it starts.", nameof(validTo));
        }

        Number = number;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public int Id { get; private set; }

    public string Number { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public bool Covers(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);

    internal bool Overlaps(DateOnly from, DateOnly? to) =>
        (to is null || ValidFrom <= to) && (ValidTo is null || from <= ValidTo);

    internal void CloseOn(DateOnly lastDay) => ValidTo = lastDay;
}
