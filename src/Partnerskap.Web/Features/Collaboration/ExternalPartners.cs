using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>
/// PUR-2: external partners (other regions, KS, the State, suppliers, research) as contacts that take part in projects
/// and networks. Never members: an organisation number of a member is refused.
/// </summary>
public sealed class ExternalPartners(AppDbContext db, TimeProvider clock)
{
    public sealed record LinkDto(int Id, string Kind, int TargetId, string TargetName, string? Role, DateOnly Since);

    /// <param name="ContactEmail">Shown to the office only.</param>
    public sealed record Dto(int Id, string Name, string Kind, string? Orgnr, string? ContactName, string? ContactEmail, IReadOnlyList<LinkDto> Links);

    public static ExternalPartnerKind ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "region" => ExternalPartnerKind.Region,
        "ks" => ExternalPartnerKind.Ks,
        "state" => ExternalPartnerKind.State,
        "supplier" => ExternalPartnerKind.Supplier,
        "research" => ExternalPartnerKind.Research,
        "other" or null or "" => ExternalPartnerKind.Other,
        _ => throw RuleViolation.Invalid("kind", "Kind is region, ks, state, supplier, research or other.", "PUR-2"),
    };

    public static string KindName(ExternalPartnerKind kind) => kind.ToString().ToLowerInvariant();

    public async Task<ExternalPartner> CreateAsync(int partnershipId, string? name, string? kind, string? orgnr, string? contactName, string? contactEmail, CancellationToken ct)
    {
        var isMember = !string.IsNullOrWhiteSpace(orgnr) && await db.Members.AnyAsync(m => m.PartnershipId == partnershipId && m.Orgnr == orgnr.Trim(), ct);
        var partner = new ExternalPartner(partnershipId, name, ParseKind(kind), orgnr, isMember, contactName, contactEmail); // PUR-2
        db.ExternalPartners.Add(partner);
        await db.SaveChangesAsync(ct);
        return partner;
    }

    public async Task<ExternalPartner?> FindAsync(int id, CancellationToken ct) =>
        await db.ExternalPartners.Include(x => x.Links).SingleOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>PUR-2: the partner takes part in a project or a network of its own partnership.</summary>
    public async Task<ExternalPartnerLink> LinkAsync(ExternalPartner partner, int? projectId, int? networkId, string? role, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        ExternalPartnerLink link;
        if (projectId is { } p && networkId is null)
        {
            var project = await db.Projects.AsNoTracking().Where(x => x.Id == p).Select(x => new { x.PartnershipId }).SingleOrDefaultAsync(ct)
                ?? throw RuleViolation.Invalid("projectId", $"No project {p}.", "PUR-2");
            link = partner.LinkProject(p, project.PartnershipId, role, today);
        }
        else if (networkId is { } n && projectId is null)
        {
            var network = await db.Networks.AsNoTracking().Where(x => x.Id == n).Select(x => new { x.PartnershipId }).SingleOrDefaultAsync(ct)
                ?? throw RuleViolation.Invalid("networkId", $"No network {n}.", "PUR-2");
            link = partner.LinkNetwork(n, network.PartnershipId, role, today);
        }
        else
        {
            throw RuleViolation.Invalid("projectId", "Give either a project or a network.", "PUR-2");
        }

        await db.SaveChangesAsync(ct);
        return link;
    }

    public async Task<List<Dto>> ListAsync(int partnershipId, bool office, CancellationToken ct)
    {
        var list = await db.ExternalPartners.AsNoTracking().Include(x => x.Links).Where(x => x.PartnershipId == partnershipId).OrderByBokmal(x => x.Name).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(x => x.PartnershipId == partnershipId).Select(x => new { x.Id, x.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var networks = await db.Networks.AsNoTracking().Where(x => x.PartnershipId == partnershipId).Select(x => new { x.Id, x.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return list.Select(x => new Dto(x.Id, x.Name, KindName(x.Kind), x.Orgnr, x.ContactName, office ? x.ContactEmail : null,
            x.Links.Select(l => l.ProjectId is { } pid
                ? new LinkDto(l.Id, "project", pid, projects.GetValueOrDefault(pid, ""), l.Role, l.Since)
                : new LinkDto(l.Id, "network", l.NetworkId!.Value, networks.GetValueOrDefault(l.NetworkId!.Value, ""), l.Role, l.Since)).ToList())).ToList();
    }
}
