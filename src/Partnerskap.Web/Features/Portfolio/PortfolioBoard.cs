using System.Security.Claims;
using Partnerskap.Domain.Board;
using Partnerskap.Web.Infrastructure.Mail;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// What the portfolio asks of the programme board (ORG-2): who holds a voting seat, whether a decision is in the
/// register, opening a board case, and who sits on the board for notices. Implemented over the governance core.
/// </summary>
public interface IPortfolioBoard
{
    /// <summary>ORG-2: the user holds a board seat other than observer on <paramref name="on"/>.</summary>
    Task<bool> HoldsVotingSeatAsync(int partnershipId, ClaimsPrincipal user, DateOnly on, CancellationToken ct);

    /// <summary>The decision is in the partnership's decision register.</summary>
    Task<bool> DecisionExistsAsync(int partnershipId, string reference, CancellationToken ct);

    /// <summary>Opens a case for the board; returns its id.</summary>
    Task<int?> OpenCaseAsync(int partnershipId, string title, CaseKind kind, IReadOnlyList<string> partyOrgnrs, string link, CancellationToken ct);

    /// <summary>Everyone holding a board seat on <paramref name="on"/>, observers too (they are told, not asked).</summary>
    Task<IReadOnlyList<MailRecipient>> SeatHoldersAsync(int partnershipId, DateOnly on, CancellationToken ct);
}
