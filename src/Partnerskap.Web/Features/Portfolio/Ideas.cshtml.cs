using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>PUR-5 idea intake: any member contact submits an idea; the office assesses it and, on a board decision, makes it a project.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IdeasModel(PartnershipAccess access, Ideas.Handler ideas, AppDbContext db, TimeProvider clock, Texts t) : PartnershipPage(access)
{
    public sealed record Option(string Orgnr, string Name);

    public List<Idea> List { get; private set; } = [];

    public Dictionary<string, string> MemberNames { get; private set; } = [];

    public List<Option> Members { get; private set; } = [];

    public bool IsOffice => User.IsOffice();

    /// <summary>A member contact may submit; so may the office (naming the member).</summary>
    public bool CanSubmit => IsOffice || !string.IsNullOrEmpty(User.Orgnr());

    public string? Posted { get; private set; }

    public int? PostedIdea { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadIdeasAsync(slug, ct) ?? Page();

    public Task<IActionResult> OnPostSubmitAsync(string slug, string? title, string? description, string? orgnr, CancellationToken ct) =>
        ActAsync(slug, "submit", null, officeOnly: false, async () =>
        {
            await ideas.SubmitAsync(new Ideas.Submit(Partnership.Id, title, description, orgnr), User, ct);
            return t["Takk! Ideen er sendt til programkontoret."];
        }, ct);

    public Task<IActionResult> OnPostAssessAsync(string slug, int ideaId, string? recommend, string? assessment, CancellationToken ct) =>
        ActAsync(slug, "assess", ideaId, officeOnly: true, async () =>
        {
            var idea = await ideas.AssessAsync(new Ideas.Assess(ideaId, recommend switch { "yes" => true, "no" => false, _ => null }, assessment), ct);
            return idea.Status == IdeaStatus.Recommended ? t["Ideen er anbefalt og lagt fram for programstyret."] : t["Vurderingen er lagret."];
        }, ct);

    public Task<IActionResult> OnPostProjectAsync(string slug, int ideaId, string? decisionRef, CancellationToken ct) =>
        ActAsync(slug, "project", ideaId, officeOnly: true, async () =>
        {
            var (_, project) = await ideas.ToProjectAsync(new Ideas.ToProject(ideaId, decisionRef, "project"), ct);
            return t.F("Ideen er nå prosjektet «{0}».", project.Name);
        }, ct);

    public string? Error(string form, int? idea, string field) => Posted == form && PostedIdea == idea ? FormErrors.For(ModelState, field) : null;

    public string Status(IdeaStatus s) => s switch
    {
        IdeaStatus.Submitted => t["Sendt inn"],
        IdeaStatus.Recommended => t["Anbefalt, til programstyret"],
        IdeaStatus.NotRecommended => t["Ikke anbefalt"],
        _ => t["Prosjekt"],
    };

    private async Task<IActionResult> ActAsync(string slug, string form, int? ideaId, bool officeOnly, Func<Task<string>> action, CancellationToken ct)
    {
        if (await LoadIdeasAsync(slug, ct) is { } denied)
        {
            return denied;
        }

        if (officeOnly && !IsOffice)
        {
            return Forbid();
        }

        if (ideaId is { } id && List.All(i => i.Id != id))
        {
            return NotFound();
        }

        (Posted, PostedIdea) = (form, ideaId);
        string? message = null;
        var ok = await FormErrors.TryAsync(ModelState, t, async () => message = await action());
        if (!ok || !ModelState.IsValid)
        {
            await LoadIdeasAsync(slug, ct);
            return Page();
        }

        TempData["Message"] = message;
        return Redirect($"/{slug}/portfolio/ideas");
    }

    private async Task<IActionResult?> LoadIdeasAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "portfolio", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        List = await ideas.ListAsync(Partnership.Id, ct);
        var all = await db.Members.AsNoTracking().Include(m => m.Notices).Where(m => m.PartnershipId == Partnership.Id).ToListAsync(ct);
        MemberNames = all.ToDictionary(m => m.Orgnr, m => m.Name);
        var today = PartnershipTime.Today(clock);
        Members = all.Where(m => m.HasRightsOn(today)).OrderBy(m => m.Name, Bokmal.Order).Select(m => new Option(m.Orgnr, m.Name)).ToList();
        ViewData["Title"] = t["Idéer til fellesprosjekter"];
        return null;
    }
}
