using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Mail;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// The portfolio's view of the programme board (ORG-2). PROVISIONAL until the governance core (board seats, board
/// cases, decision register) is merged: then seats, cases and the register come from there.
/// </summary>
public sealed class GovernancePortfolioBoard(UserManager<AppUser> users) : IPortfolioBoard
{
    public Task<bool> HoldsVotingSeatAsync(int partnershipId, ClaimsPrincipal user, DateOnly on, CancellationToken ct) =>
        Task.FromResult(user.IsInRole(Roles.Board));

    public Task<bool> DecisionExistsAsync(int partnershipId, string reference, CancellationToken ct) => Task.FromResult(true);

    public Task<int?> OpenCaseAsync(int partnershipId, string title, IReadOnlyList<string> partyOrgnrs, string link, CancellationToken ct) =>
        Task.FromResult<int?>(null);

    public async Task<IReadOnlyList<MailRecipient>> SeatHoldersAsync(int partnershipId, DateOnly on, CancellationToken ct) =>
        (await users.GetUsersInRoleAsync(Roles.Board)).Where(u => u.Email is not null).Select(u => new MailRecipient(u.Name ?? u.Email!, u.Email!)).ToList();
}
