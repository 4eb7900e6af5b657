using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>PUR-5: the office adds a project or procurement to the portfolio with its owner and participating members (MEM-5).</summary>
public static class CreateProject
{
    public sealed record Command(
        int PartnershipId, string? Name, string? Kind, string? OwnerOrgnr, IReadOnlyList<string>? Participants,
        string? ProjectManager = null, string? Description = null);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Project> Handle(Command c, CancellationToken ct)
        {
            var kind = c.Kind switch
            {
                "project" or null or "" => ProjectKind.Project,
                "procurement" => ProjectKind.Procurement,
                _ => throw RuleViolation.Invalid("kind", "kind is project or procurement.", "PUR-5"),
            };
            if (string.IsNullOrWhiteSpace(c.OwnerOrgnr))
            {
                throw RuleViolation.Invalid("ownerOrgnr", "Name the owner member (orgnr).", "PUR-5");
            }

            var today = PartnershipTime.Today(clock);
            var wanted = (c.Participants ?? []).Append(c.OwnerOrgnr).Select(o => o?.Trim() ?? "").Distinct().ToList();
            var members = await db.Members.Include(m => m.Notices)
                .Where(m => m.PartnershipId == c.PartnershipId && wanted.Contains(m.Orgnr))
                .ToDictionaryAsync(m => m.Orgnr, ct);
            var strangers = wanted.Where(o => !members.ContainsKey(o)).ToList();
            if (strangers.Count > 0)
            {
                var field = strangers.Contains(c.OwnerOrgnr.Trim()) ? "ownerOrgnr" : "participants";
                throw RuleViolation.Invalid(field, $"Not in the member register: {string.Join(", ", strangers)}. Only members take part in projects.", "MEM-5");
            }

            var project = new Project(c.PartnershipId, c.Name ?? "", kind, members[c.OwnerOrgnr.Trim()], today, c.ProjectManager, c.Description);
            foreach (var orgnr in wanted)
            {
                project.AddParticipant(members[orgnr], today); // MEM-5
            }

            db.Projects.Add(project);
            await db.SaveChangesAsync(ct);
            return project;
        }
    }

    /// <summary>MEM-5: adds a participant to an existing project.</summary>
    public sealed class AddParticipantHandler(AppDbContext db, TimeProvider clock)
    {
        public async Task<ProjectParticipant> Handle(int projectId, string orgnr, CancellationToken ct)
        {
            var project = await db.Projects.Include(p => p.Participants).SingleOrDefaultAsync(p => p.Id == projectId, ct)
                ?? throw new KeyNotFoundException($"There is no project {projectId}.");
            var member = await db.Members.Include(m => m.Notices).SingleOrDefaultAsync(m => m.PartnershipId == project.PartnershipId && m.Orgnr == orgnr, ct)
                ?? throw RuleViolation.Invalid("orgnr", $"{orgnr} is not in the member register. Only members take part in projects.", "MEM-5");
            var participant = project.AddParticipant(member, PartnershipTime.Today(clock));
            await db.SaveChangesAsync(ct);
            return participant;
        }
    }
}
