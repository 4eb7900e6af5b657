using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>PUR-5 idea intake (idé → vurdert → prosjekt), shared by the ideas page and the API.</summary>
public static class Ideas
{
    public sealed record Submit(int PartnershipId, string? Title, string? Description, string? Orgnr);

    public sealed record Assess(int IdeaId, bool? Recommend, string? Assessment);

    public sealed record ToProject(int IdeaId, string? DecisionRef, string? Kind);

    public static string ToApi(this IdeaStatus s) => s switch
    {
        IdeaStatus.Submitted => "submitted",
        IdeaStatus.Recommended => "recommended",
        IdeaStatus.NotRecommended => "not-recommended",
        _ => "project",
    };

    public sealed class Handler(AppDbContext db, IPortfolioBoard board, CreateProject.Handler projects, TimeProvider clock, AuditContext audit)
    {
        public Task<List<Idea>> ListAsync(int partnershipId, CancellationToken ct) =>
            db.Ideas.AsNoTracking().Where(i => i.PartnershipId == partnershipId).OrderByDescending(i => i.SubmittedAt).ThenByDescending(i => i.Id).ToListAsync(ct);

        /// <summary>Any logged-in user of the partnership: a member contact submits for their own member; the office names the member.</summary>
        public async Task<Idea> SubmitAsync(Submit c, ClaimsPrincipal user, CancellationToken ct)
        {
            var orgnr = user.IsOffice() ? c.Orgnr?.Trim() : user.Orgnr();
            if (string.IsNullOrWhiteSpace(orgnr))
            {
                throw RuleViolation.Invalid("orgnr", user.IsOffice() ? "Name the member the idea comes from (orgnr)." : "Your login is not tied to a member.", "MEM-5");
            }

            if (!user.IsOffice() && c.Orgnr is { Length: > 0 } given && given.Trim() != orgnr)
            {
                throw RuleViolation.Forbidden("A member contact submits ideas for their own member only.");
            }

            var member = await db.Members.Include(m => m.Notices).SingleOrDefaultAsync(m => m.PartnershipId == c.PartnershipId && m.Orgnr == orgnr, ct)
                ?? throw RuleViolation.Invalid("orgnr", $"{orgnr} is not a member of this partnership.", "MEM-5");
            var idea = new Idea(c.PartnershipId, c.Title, c.Description, member, user.Identity?.Name ?? "", clock.GetUtcNow(), PartnershipTime.Today(clock));
            db.Ideas.Add(idea);
            await db.SaveChangesAsync(ct);
            return idea;
        }

        /// <summary>The office's assessment; a recommendation opens a case for the board, which prioritises (once per idea).</summary>
        public async Task<Idea> AssessAsync(Assess c, CancellationToken ct)
        {
            await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
            var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == c.IdeaId, ct) ?? throw new KeyNotFoundException($"There is no idea {c.IdeaId}.");
            idea.Assess(c.Recommend ?? throw RuleViolation.Invalid("recommend", "Say whether the office recommends the idea.", "PUR-5"), c.Assessment, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            if (idea.Status == IdeaStatus.Recommended && idea.BoardCaseId is null)
            {
                idea.SentToBoard(await board.OpenCaseAsync(idea.PartnershipId, $"Idé til prosjekt: {idea.Title}", CaseKind.Ordinary, [idea.Orgnr], $"idea:{idea.Id}", ct));
                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
            return idea;
        }

        /// <summary>PUR-5: on a board decision in the register, the recommended idea becomes a project (idea phase) with its title, description and member as owner.</summary>
        public async Task<(Idea Idea, Project Project)> ToProjectAsync(ToProject c, CancellationToken ct)
        {
            await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
            var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == c.IdeaId, ct) ?? throw new KeyNotFoundException($"There is no idea {c.IdeaId}.");
            if (string.IsNullOrWhiteSpace(c.DecisionRef))
            {
                throw RuleViolation.Invalid("decisionRef", "The board decides which ideas become projects: give the decision's reference.", "PUR-5");
            }

            idea.EnsureRecommended();
            if (!await board.DecisionExistsAsync(idea.PartnershipId, c.DecisionRef.Trim(), ct))
            {
                throw RuleViolation.Conflict($"\"{c.DecisionRef.Trim()}\" is not in the board's decision register.", "PUR-5", "decisionRef");
            }

            var project = await projects.Handle(new CreateProject.Command(idea.PartnershipId, idea.Title, c.Kind, idea.Orgnr, [idea.Orgnr], null, idea.Description), ct);
            idea.BecameProject(project.Id, c.DecisionRef);
            audit.DecisionRef = idea.DecisionRef;
            await db.SaveChangesAsync(ct);
            audit.DecisionRef = null;
            await tx.CommitAsync(ct);
            return (idea, project);
        }
    }
}
