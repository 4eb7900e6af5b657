using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Board;

/// <summary>The seat a person holds on the programme board (styreplass).</summary>
public enum BoardRole
{
    Leader,
    Deputy,
    Member,

    /// <summary>Attends and reads, but does not vote or decide.</summary>
    Observer,
}

/// <summary>
/// A seat on a partnership's programme board for a term (ORG-2). Board decisions (approvals, escalations) and board
/// votes are for users holding a non-observer seat on the date; the <c>board</c> role alone is not enough (api.md).
/// </summary>
public sealed class BoardSeat
{
    private BoardSeat() => UserId = "";

    public BoardSeat(int partnershipId, string userId, BoardRole role, DateOnly from, DateOnly? to, string? organisationOrgnr = null)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw RuleViolation.Invalid("userEmail", "A board seat needs a person.");
        }

        if (to is { } end && end < from)
        {
            throw RuleViolation.Invalid("to", "The term cannot end before it starts.");
        }

        PartnershipId = partnershipId;
        UserId = userId;
        Role = role;
        From = from;
        To = to;
        OrganisationOrgnr = organisationOrgnr;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    /// <summary>The Identity user holding the seat.</summary>
    public string UserId { get; private set; }

    public BoardRole Role { get; private set; }

    /// <summary>First day of the term (inclusive).</summary>
    public DateOnly From { get; private set; }

    /// <summary>Last day of the term (inclusive); null while open-ended.</summary>
    public DateOnly? To { get; private set; }

    /// <summary>The member organisation the seat holder comes from, if any (DIS-3: a party to a case is recused).</summary>
    public string? OrganisationOrgnr { get; private set; }

    /// <summary>Holds the seat on <paramref name="date"/>.</summary>
    public bool IsHeldOn(DateOnly date) => From <= date && (To is null || date <= To);

    /// <summary>ORG-2: may vote and take board decisions on <paramref name="date"/> (a held seat that is not an observer's).</summary>
    public bool VotesOn(DateOnly date) => IsHeldOn(date) && Role != BoardRole.Observer;

    /// <summary>Ends the term on <paramref name="lastDay"/>.</summary>
    public void End(DateOnly lastDay)
    {
        if (lastDay < From)
        {
            throw RuleViolation.Invalid("to", "The term cannot end before it starts.");
        }

        To = lastDay;
    }
}
