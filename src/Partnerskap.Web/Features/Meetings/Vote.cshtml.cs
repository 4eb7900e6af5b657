using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Meetings;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>
/// The representative's voting view: one form with a choice for each member the user holds (own and proxies), which
/// may differ (split). Works without JavaScript, by keyboard, on a phone. Receipts are shown after casting.
/// </summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class VoteModel(PartnershipAccess access, AppDbContext db, Voting voting, UserManager<AppUser> users, Texts t) : PartnershipPage(access)
{
    public Vote Vote { get; private set; } = null!;

    public Meeting Meeting { get; private set; } = null!;

    public VoteView View { get; private set; } = null!;

    /// <summary>Members this user holds at the meeting; empty in a board meeting (the user votes for themself).</summary>
    public List<(Credential Credential, string Name)> Held { get; private set; } = [];

    /// <summary>Voter keys that have already voted (only this user's).</summary>
    public HashSet<string> Voted { get; private set; } = [];

    public List<BallotReceipt> Receipts { get; private set; } = [];

    public bool BoardMeeting => Meeting.Kind == MeetingKind.Board;

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) => await LoadAllAsync(slug, id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAllAsync(slug, id, ct) is { } denied)
        {
            return denied;
        }

        var userId = users.GetUserId(User)!;
        var ballots = BoardMeeting
            ? [new BallotRequest(null, Request.Form["choice-self"].FirstOrDefault())]
            : Held.Select(h => new BallotRequest(h.Credential.Orgnr, Request.Form[$"choice-{h.Credential.Orgnr}"].FirstOrDefault()))
                .Where(b => !string.IsNullOrEmpty(b.Choice) && !Voted.Contains(b.Orgnr!)).ToList();
        if (ballots.Count == 0 || ballots.Any(b => string.IsNullOrEmpty(b.Choice)))
        {
            ModelState.AddModelError(BoardMeeting ? "choice-self" : $"choice-{Held.FirstOrDefault().Credential?.Orgnr}", t["Velg et alternativ for minst ett medlem."]);
            return Page();
        }

        IReadOnlyList<BallotReceipt> receipts = [];
        if (!await FormErrors.TryAsync(ModelState, t, async () => receipts = await voting.CastAsync(Vote, Meeting, userId, ballots, ct)))
        {
            await LoadAllAsync(slug, id, ct);
            return Page();
        }

        TempData["Receipts"] = string.Join(";", receipts.Select(r => $"{r.Orgnr}|{r.Receipt}"));
        return Redirect($"/{slug}/votes/{id}");
    }

    private async Task<IActionResult?> LoadAllAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, "meetings", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        if (await MeetingPages.VoteAsync(db, Partnership.Id, id, ct) is not { } found)
        {
            return NotFound();
        }

        (Vote, Meeting) = found;
        View = await voting.ViewAsync(Vote, Meeting, ct);
        var userId = users.GetUserId(User);
        Held = BoardMeeting ? [] : await MeetingPages.HeldAsync(db, Meeting, userId, ct);
        var keys = BoardMeeting ? ["user:" + userId] : Held.Select(h => h.Credential.Orgnr).ToList();
        Voted = [.. db.Ballots.Where(b => b.VoteId == id && keys.Contains(b.VoterKey)).Select(b => b.VoterKey)];
        if (TempData["Receipts"] is string r)
        {
            Receipts = r.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(x => x.Split('|'))
                .Select(p => new BallotReceipt(p[0].Length == 0 ? null : p[0], p[1], default)).ToList();
        }

        return null;
    }

    public string MemberName(string? orgnr) => Held.FirstOrDefault(h => h.Credential.Orgnr == orgnr).Name ?? t["Deg selv"];

    public static string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, PartnershipTime.Oslo).ToString("HH:mm:ss");
}
