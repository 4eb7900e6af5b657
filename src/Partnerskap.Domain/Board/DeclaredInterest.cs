using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Board;

/// <summary>
/// An entry in the register of interests (interesseregister): another role a board member holds (board seat in a
/// supplier, employment, ownership). When the organisation is a party to a case, the interest suggests a recusal
/// for the board to decide (DIS-3).
/// </summary>
public sealed class DeclaredInterest
{
    private DeclaredInterest()
    {
        UserId = "";
        Organisation = "";
        Role = "";
    }

    public DeclaredInterest(int partnershipId, string userId, string organisation, string? orgnr, string role, DateOnly from, DateOnly? to = null)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw RuleViolation.Invalid("userEmail", "An interest belongs to a person.");
        }

        if (string.IsNullOrWhiteSpace(organisation))
        {
            throw RuleViolation.Invalid("organisation", "Name the organisation.");
        }

        if (string.IsNullOrWhiteSpace(role))
        {
            throw RuleViolation.Invalid("role", "Describe the role.");
        }

        if (to is { } end && end < from)
        {
            throw RuleViolation.Invalid("to", "The role cannot end before it starts.");
        }

        PartnershipId = partnershipId;
        UserId = userId;
        Organisation = organisation.Trim();
        Orgnr = string.IsNullOrWhiteSpace(orgnr) ? null : orgnr.Trim();
        Role = role.Trim();
        From = from;
        To = to;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The other organisation, by name.</summary>
    public string Organisation { get; private set; }

    /// <summary>Its organisation number when known: matched against case parties for recusal suggestions.</summary>
    public string? Orgnr { get; private set; }

    /// <summary>"Styremedlem", "Ansatt", "Eier".</summary>
    public string Role { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public bool IsHeldOn(DateOnly date) => From <= date && (To is null || date <= To);

    public void End(DateOnly lastDay)
    {
        if (lastDay < From)
        {
            throw RuleViolation.Invalid("to", "The role cannot end before it starts.");
        }

        To = lastDay;
    }
}
