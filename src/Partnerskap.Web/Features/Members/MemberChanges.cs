using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Members;

/// <summary>Contacts, roles and details (MEM-7). The office, or the member's own contact, may make these changes.</summary>
public static class MemberChanges
{
    public sealed record AddContact(int PartnershipId, string Orgnr, string? Name, string? Email, string? Phone, string? Role, DateOnly? From, DateOnly? To);

    public sealed record EndRole(int PartnershipId, string Orgnr, int RoleId, DateOnly? LastDay);

    public sealed record UpdateDetails(int PartnershipId, string Orgnr, string? Address, string? PostalCode, string? City, string? InvoiceAddress, string? InvoiceReference, string? EhfEndpoint);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<(Contact Contact, RoleAssignment? Role)> Handle(AddContact c, CancellationToken ct)
        {
            var member = await LoadAsync(c.PartnershipId, c.Orgnr, ct);
            MemberRole? role = null;
            if (!string.IsNullOrEmpty(c.Role))
            {
                if (!MemberRoleNames.TryParse(c.Role, out var parsed))
                {
                    throw RuleViolation.Invalid("role", "Role is chief-executive, head-of-digitalisation, invoice-contact or annual-meeting-representative.");
                }

                role = parsed;
            }

            var contact = member.AddContact(c.Name ?? "", c.Email, c.Phone);
            var assignment = role is { } r ? member.AssignRole(contact, r, c.From ?? PartnershipTime.Today(clock), c.To) : null;
            await db.SaveChangesAsync(ct);
            return (contact, assignment);
        }

        public async Task Handle(EndRole c, CancellationToken ct)
        {
            var member = await LoadAsync(c.PartnershipId, c.Orgnr, ct);
            var role = member.Roles.FirstOrDefault(r => r.Id == c.RoleId) ?? throw new KeyNotFoundException($"No role {c.RoleId} at {member.Name}.");
            member.EndRole(role, c.LastDay ?? PartnershipTime.Today(clock));
            await db.SaveChangesAsync(ct);
        }

        public async Task Handle(UpdateDetails c, CancellationToken ct)
        {
            var member = await LoadAsync(c.PartnershipId, c.Orgnr, ct);
            member.UpdateDetails(c.Address, c.PostalCode, c.City, c.InvoiceAddress, c.InvoiceReference, c.EhfEndpoint);
            await db.SaveChangesAsync(ct);
        }

        private async Task<Member> LoadAsync(int partnershipId, string orgnr, CancellationToken ct) =>
            await db.Members.FindMemberAsync(partnershipId, orgnr, ct) ?? throw new KeyNotFoundException($"{orgnr} is not in the member register.");
    }
}

/// <summary>MEM-1: record a succession (merger, split) and which successors become members.</summary>
public static class RecordSuccession
{
    public sealed record Successor(string? Orgnr, string? Name, string? Kind, string? MunicipalityNumber, bool BecomesMember);

    public sealed record Command(int PartnershipId, string? Kind, DateOnly? EffectiveOn, string? Description, string? DecisionRef, IReadOnlyList<string> PredecessorOrgnrs, IReadOnlyList<Successor> Successors);

    public sealed class Handler(AppDbContext db, AuditContext audit, TimeProvider clock)
    {
        public async Task<Succession> Handle(Command c, CancellationToken ct)
        {
            var kind = c.Kind switch
            {
                "merger" => SuccessionKind.Merger,
                "split" => SuccessionKind.Split,
                "other" => SuccessionKind.Other,
                _ => throw RuleViolation.Invalid("kind", "Kind is merger, split or other."),
            };
            if (c.EffectiveOn is not { } effectiveOn)
            {
                throw RuleViolation.Invalid("effectiveOn", "The date the new organisations took over is required.");
            }

            if (string.IsNullOrWhiteSpace(c.DecisionRef))
            {
                throw RuleViolation.Invalid("decisionRef", "Name the decision that settled which successors become members.");
            }

            var predecessors = new List<Member>();
            foreach (var orgnr in c.PredecessorOrgnrs.Distinct())
            {
                predecessors.Add(await db.Members.FindMemberAsync(c.PartnershipId, orgnr, ct)
                    ?? throw RuleViolation.Invalid("predecessors", $"{orgnr} is not in the member register."));
            }

            var plans = c.Successors.Select(s =>
            {
                if (!MemberNames.TryParseKind(s.Kind, out var k))
                {
                    throw RuleViolation.Invalid("successors", $"Kind of successor {s.Orgnr} is county, municipality or other.");
                }

                MunicipalityNumber? number = null;
                if (!string.IsNullOrWhiteSpace(s.MunicipalityNumber))
                {
                    number = MunicipalityNumber.TryParse(s.MunicipalityNumber, out var n) ? n
                        : throw RuleViolation.Invalid("successors", $"'{s.MunicipalityNumber}' is not a municipality number.");
                }

                return new SuccessorPlan(s.Orgnr ?? "", s.Name ?? "", k, k == MemberKind.Municipality ? number : null, s.BecomesMember);
            }).ToList();

            var existing = (await db.Members.Where(m => m.PartnershipId == c.PartnershipId).Select(m => m.Orgnr).ToListAsync(ct)).ToHashSet();
            audit.DecisionRef = c.DecisionRef.Trim();
            var succession = new Succession(c.PartnershipId, kind, effectiveOn, c.Description?.Trim() ?? "", c.DecisionRef.Trim(), audit.CurrentActor, clock.GetUtcNow());
            var joined = succession.Apply(predecessors, plans, existing);
            db.Members.AddRange(joined);
            db.Successions.Add(succession);
            await db.SaveChangesAsync(ct);
            return succession;
        }
    }
}
