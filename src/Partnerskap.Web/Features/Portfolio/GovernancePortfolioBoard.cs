using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;
using Partnerskap.Web.Infrastructure.Mail;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>The portfolio's view of the programme board (ORG-2), over the governance core: seats, cases, decision register.</summary>
public sealed class GovernancePortfolioBoard(AppDbContext db, BoardSeats seats, Cases cases, UserManager<AppUser> users) : IPortfolioBoard
{
    public async Task<bool> HoldsVotingSeatAsync(int partnershipId, ClaimsPrincipal user, DateOnly on, CancellationToken ct) =>
        users.GetUserId(user) is { } id && await seats.VotingSeatAsync(partnershipId, id, on, ct) is not null;

    // Reads the register directly: DecisionRegister depends on the decision effects, which depend on this (no cycle).
    public Task<bool> DecisionExistsAsync(int partnershipId, string reference, CancellationToken ct) =>
        db.Decisions.AnyAsync(d => d.PartnershipId == partnershipId && d.Number == reference.Trim(), ct);

    public async Task<int?> OpenCaseAsync(int partnershipId, string title, CaseKind kind, IReadOnlyList<string> partyOrgnrs, string link, CancellationToken ct) =>
        (await cases.OpenAsync(new NewCase(partnershipId, title, kind, partyOrgnrs, Restricted: false, Link: link), ct)).Id;

    public async Task<IReadOnlyList<MailRecipient>> SeatHoldersAsync(int partnershipId, DateOnly on, CancellationToken ct)
    {
        var ids = (await seats.HeldOnAsync(partnershipId, on, ct)).Select(s => s.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null).Select(u => new { u.Name, u.Email }).ToListAsync(ct);
        return people.Select(p => new MailRecipient(string.IsNullOrWhiteSpace(p.Name) ? p.Email! : p.Name, p.Email!)).ToList();
    }
}
