using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Collaboration;

/// <summary>Who an external partner is (PUR-2).</summary>
public enum ExternalPartnerKind
{
    Region,
    Ks,
    State,
    Supplier,
    Research,
    Other,
}

/// <summary>
/// PUR-2: the partnership cooperates with other regions, KS and the State, and with suppliers and research. An external
/// partner is a contact, never a member (no vote, no fee); it can take part in projects and networks.
/// </summary>
public sealed class ExternalPartner
{
    private readonly List<ExternalPartnerLink> _links = [];

    private ExternalPartner()
    {
        Name = "";
    }

    /// <param name="isMember">True when the organisation number belongs to a member of this partnership.</param>
    public ExternalPartner(int partnershipId, string? name, ExternalPartnerKind kind, string? orgnr, bool isMember, string? contactName, string? contactEmail)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw RuleViolation.Invalid("name", "An external partner needs a name.", "PUR-2");
        }

        if (isMember)
        {
            throw RuleViolation.Conflict("This organisation is a member of the partnership, not an external partner.", "PUR-2", "orgnr");
        }

        PartnershipId = partnershipId;
        Name = name.Trim();
        Kind = kind;
        Orgnr = string.IsNullOrWhiteSpace(orgnr) ? null : orgnr.Trim();
        ContactName = string.IsNullOrWhiteSpace(contactName) ? null : contactName.Trim();
        ContactEmail = string.IsNullOrWhiteSpace(contactEmail) ? null : contactEmail.Trim().ToLowerInvariant();
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string Name { get; private set; }

    public ExternalPartnerKind Kind { get; private set; }

    public string? Orgnr { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactEmail { get; private set; }

    public IReadOnlyList<ExternalPartnerLink> Links => _links;

    /// <summary>PUR-2: the partner takes part in a project of the same partnership (once).</summary>
    public ExternalPartnerLink LinkProject(int projectId, int projectPartnershipId, string? role, DateOnly on) =>
        Link(projectPartnershipId, new ExternalPartnerLink(projectId, null, role, on), _links.Any(l => l.ProjectId == projectId));

    /// <summary>PUR-2: the partner takes part in a network or working group of the same partnership (once).</summary>
    public ExternalPartnerLink LinkNetwork(int networkId, int networkPartnershipId, string? role, DateOnly on) =>
        Link(networkPartnershipId, new ExternalPartnerLink(null, networkId, role, on), _links.Any(l => l.NetworkId == networkId));

    private ExternalPartnerLink Link(int otherPartnershipId, ExternalPartnerLink link, bool exists)
    {
        if (otherPartnershipId != PartnershipId)
        {
            throw RuleViolation.Conflict("The project or network belongs to another partnership.", "PUR-2");
        }

        if (exists)
        {
            throw RuleViolation.Conflict("The partner already takes part there.", "PUR-2");
        }

        _links.Add(link);
        return link;
    }
}

/// <summary>An external partner's part in a project or a network.</summary>
public sealed class ExternalPartnerLink
{
    private ExternalPartnerLink()
    {
    }

    internal ExternalPartnerLink(int? projectId, int? networkId, string? role, DateOnly since)
    {
        ProjectId = projectId;
        NetworkId = networkId;
        Role = string.IsNullOrWhiteSpace(role) ? null : role.Trim();
        Since = since;
    }

    public int Id { get; private set; }

    public int ExternalPartnerId { get; private set; }

    public int? ProjectId { get; private set; }

    public int? NetworkId { get; private set; }

    /// <summary>E.g. "leverandør", "faglig rådgiver", "referansegruppe".</summary>
    public string? Role { get; private set; }

    public DateOnly Since { get; private set; }
}
