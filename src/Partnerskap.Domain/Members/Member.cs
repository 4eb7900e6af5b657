using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Members;

/// <summary>
/// An organisation that has signed a partnership's agreement (MEM-1, MEM-2). Keyed by orgnr within its partnership.
/// A contract register entry: every notice, role and number keeps its dates, so the register can be read on any date.
/// State changes go through methods that keep the rules.
/// </summary>
public sealed class Member
{
    private readonly List<MunicipalityNumberPeriod> _municipalityNumbers = [];
    private readonly List<ResignationNotice> _notices = [];
    private readonly List<Contact> _contacts = [];
    private readonly List<RoleAssignment> _roles = [];

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
        EhfEndpoint = Orgnr;
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

    /// <summary>The stored signed agreement (MEM-2), if uploaded.</summary>
    public int? SignedDocumentId { get; private set; }

    /// <summary>The day the organisation itself ceased (merger or split; its successors are recorded in a succession).</summary>
    public DateOnly? CeasedOn { get; private set; }

    /// <summary>Postal address lines (street or PO box), postal code and city.</summary>
    public string? Address { get; private set; }

    public string? PostalCode { get; private set; }

    public string? City { get; private set; }

    /// <summary>Where paper invoices go, when different from <see cref="Address"/>.</summary>
    public string? InvoiceAddress { get; private set; }

    /// <summary>The buyer reference (BT-10, "Deres ref.") the member wants on invoices.</summary>
    public string? InvoiceReference { get; private set; }

    /// <summary>EHF/Peppol endpoint (scheme 0192, an orgnr): by default the member's own orgnr.</summary>
    public string EhfEndpoint { get; private set; } = "";

    /// <summary>The postal address as lines (street; postcode and place), leaving out what is not given.</summary>
    public IReadOnlyList<string> AddressLines() =>
        new[] { Address, $"{PostalCode} {City}".Trim() }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList();

    /// <summary>The municipality numbers this member has had, each with its validity period (numbers change, MEM-1).</summary>
    public IReadOnlyList<MunicipalityNumberPeriod> MunicipalityNumbers => _municipalityNumbers;

    /// <summary>Every written notice ever registered, withdrawn ones included (MEM-3, MEM-4).</summary>
    public IReadOnlyList<ResignationNotice> Notices => _notices;

    public IReadOnlyList<Contact> Contacts => _contacts;

    public IReadOnlyList<RoleAssignment> Roles => _roles;

    /// <summary>The notice that stands (not withdrawn), if any.</summary>
    public ResignationNotice? ActiveNotice => _notices.FirstOrDefault(n => n.WithdrawnOn is null);

    private IReadOnlyCollection<NoticeDates> NoticeDates => _notices.Select(n => n.Dates).ToList();

    /// <summary>MEM-2: record the signature behind the membership.</summary>
    public void RecordSigning(string? signedBy, string? signedAt, DateOnly? signedOn, int? documentId = null)
    {
        SignedBy = string.IsNullOrWhiteSpace(signedBy) ? null : signedBy.Trim();
        SignedAt = string.IsNullOrWhiteSpace(signedAt) ? null : signedAt.Trim();
        SignedOn = signedOn;
        SignedDocumentId = documentId ?? SignedDocumentId;
    }

    public void UpdateDetails(string? address, string? postalCode, string? city, string? invoiceAddress, string? invoiceReference, string? ehfEndpoint)
    {
        if (postalCode is { Length: > 0 } && (postalCode.Length != 4 || !postalCode.All(char.IsAsciiDigit)))
        {
            throw RuleViolation.Invalid("postalCode", "A Norwegian postal code is four digits.");
        }

        if (ehfEndpoint is { Length: > 0 } && !OrganisationNumber.IsValid(ehfEndpoint))
        {
            throw RuleViolation.Invalid("ehfEndpoint", "The EHF endpoint is an organisation number (scheme 0192): 9 digits, mod-11.");
        }

        Address = Clean(address);
        PostalCode = Clean(postalCode);
        City = Clean(city);
        InvoiceAddress = Clean(invoiceAddress);
        InvoiceReference = Clean(invoiceReference);
        EhfEndpoint = Clean(ehfEndpoint) ?? Orgnr;
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

    /// <summary>MEM-3/MEM-5 status on a date (null before joining).</summary>
    public MembershipStatus? StatusOn(DateOnly asOf) => Membership.StatusOn(JoinedOn, CeasedOn, NoticeDates, asOf);

    /// <summary>MEM-5: may vote, take part in new projects on <paramref name="asOf"/>.</summary>
    public bool HasRightsOn(DateOnly asOf) => Membership.HasRightsOn(JoinedOn, CeasedOn, NoticeDates, asOf);

    /// <summary>FIN-1/MEM-5: owes the fee for <paramref name="year"/>.</summary>
    public bool OwesFeeFor(int year) => Membership.OwesFeeFor(year, JoinedOn, CeasedOn, NoticeDates);

    /// <summary>The exit date as known on <paramref name="asOf"/> (a standing notice's effective date, or ceasing), if any.</summary>
    public DateOnly? ExitOn(DateOnly asOf)
    {
        var known = _notices.Where(n => n.ReceivedOn <= asOf && (n.WithdrawnOn is null || n.WithdrawnOn > asOf))
            .Select(n => new NoticeDates(n.ReceivedOn, n.EffectiveOn))
            .ToList();
        return Membership.ExitOn(CeasedOn is { } c && c <= asOf ? c : CeasedOn, known);
    }

    /// <summary>
    /// MEM-3, MEM-4: registers written notice received at <paramref name="receivedAt"/> (Oslo date <paramref name="receivedOn"/>)
    /// with the stored document. Refuses a second standing notice, notice from an exited member, and late notice when
    /// the partnership's policy refuses it.
    /// </summary>
    public ResignationNotice GiveNotice(
        DateTimeOffset receivedAt, DateOnly receivedOn, int? documentId, LateNoticePolicy policy, string registeredBy, DateTimeOffset registeredAt)
    {
        if (documentId is null)
        {
            // MEM-4: notice must be in writing.
            throw RuleViolation.Invalid("document", "A resignation must be in writing: attach the written notice (letter, e-mail or signed PDF).", "MEM-4");
        }

        if (receivedOn < JoinedOn)
        {
            throw RuleViolation.Invalid("receivedOn", $"Notice cannot be received before the membership started ({JoinedOn:yyyy-MM-dd}).", "MEM-2");
        }

        if (StatusOn(receivedOn) == MembershipStatus.Exited)
        {
            throw RuleViolation.Conflict($"{Name} is no longer a member on {receivedOn:yyyy-MM-dd}: there is nothing to resign from.", "MEM-5");
        }

        if (ActiveNotice is { } standing)
        {
            throw RuleViolation.Conflict(
                $"{Name} already gave notice on {standing.ReceivedOn:yyyy-MM-dd}, taking effect {standing.EffectiveOn:yyyy-MM-dd}. Withdraw it first to register another.",
                "MEM-3");
        }

        // MEM-3: by 30 June → 1 January next year; later → the policy decides.
        var effective = Resignation.EffectiveFrom(receivedOn, policy)
            ?? throw RuleViolation.Conflict(
                $"Notice received {receivedOn:yyyy-MM-dd} is after the 30 June deadline, and this partnership's policy refuses late notice. It can be given again from 1 January.",
                "MEM-3",
                "receivedOn");

        var notice = new ResignationNotice(receivedAt, receivedOn, effective, documentId.Value, registeredBy, registeredAt);
        _notices.Add(notice);
        return notice;
    }

    /// <summary>MEM-5 (policy): withdraws the standing notice, only before it takes effect and only if the policy allows.</summary>
    public ResignationNotice WithdrawNotice(DateOnly today, bool withdrawalAllowed, string by, DateTimeOffset at)
    {
        var notice = ActiveNotice ?? throw RuleViolation.Conflict($"{Name} has no standing notice to withdraw.", "MEM-3");
        if (!withdrawalAllowed)
        {
            throw RuleViolation.Conflict("This partnership's policy does not allow a notice to be withdrawn.", "MEM-5");
        }

        if (today >= notice.EffectiveOn)
        {
            throw RuleViolation.Conflict(
                $"The notice took effect on {notice.EffectiveOn:yyyy-MM-dd}; from then {Name} is no longer a member and the notice cannot be withdrawn.",
                "MEM-5");
        }

        notice.Withdraw(today, by, at);
        return notice;
    }

    /// <summary>The organisation ceased (merger or split): membership ends that day, history stays (MEM-1).</summary>
    public void Cease(DateOnly on)
    {
        if (on <= JoinedOn)
        {
            throw RuleViolation.Invalid("effectiveOn", $"{Name} joined on {JoinedOn:yyyy-MM-dd}; it cannot cease on or before that.");
        }

        if (CeasedOn is not null)
        {
            throw RuleViolation.Conflict($"{Name} already ceased on {CeasedOn:yyyy-MM-dd}.");
        }

        CeasedOn = on;
    }

    public Contact AddContact(string name, string? email, string? phone)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw RuleViolation.Invalid("name", "The contact's name is required.");
        }

        if (email is { Length: > 0 } && !email.Contains('@', StringComparison.Ordinal))
        {
            throw RuleViolation.Invalid("email", "Not an e-mail address.");
        }

        var contact = new Contact(name.Trim(), Clean(email), Clean(phone));
        _contacts.Add(contact);
        return contact;
    }

    /// <summary>
    /// Gives <paramref name="contact"/> a dated role. One holder per role at a time; for kommunedirektør and
    /// digitaliseringsleder this is MEM-7 (important decisions are anchored through them).
    /// </summary>
    public RoleAssignment AssignRole(Contact contact, MemberRole role, DateOnly from, DateOnly? to)
    {
        if (to is { } end && end < from)
        {
            throw RuleViolation.Invalid("to", "A role cannot end before it starts.");
        }

        var clash = _roles.FirstOrDefault(r => r.Role == role && r.Overlaps(from, to));
        if (clash is not null)
        {
            var holder = _contacts.FirstOrDefault(c => ReferenceEquals(c, clash.Contact) || (c.Id != 0 && c.Id == clash.ContactId))?.Name ?? "someone else";
            throw RuleViolation.Conflict(
                $"{holder} holds the role {role.ToApi()} from {clash.From:yyyy-MM-dd}{(clash.To is null ? "" : $" to {clash.To:yyyy-MM-dd}")}: end that role first (one holder at a time).",
                role is MemberRole.ChiefExecutive or MemberRole.HeadOfDigitalisation ? "MEM-7" : null,
                "from");
        }

        var assignment = new RoleAssignment(contact, role, from, to);
        _roles.Add(assignment);
        return assignment;
    }

    /// <summary>Ends a role on <paramref name="lastDay"/> (inclusive).</summary>
    public void EndRole(RoleAssignment assignment, DateOnly lastDay)
    {
        if (!_roles.Contains(assignment))
        {
            throw new InvalidOperationException("The role belongs to another member.");
        }

        assignment.EndOn(lastDay);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
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
