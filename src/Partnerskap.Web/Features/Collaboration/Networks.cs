using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>
/// MEM-8, PUR-3, PUR-2: networks and working groups. People from the members join (the office adds anyone, a member
/// contact adds its own organisation's people); people from external partners are added by the office. Meetings and
/// activities carry an optional shared document. Shared by the pages and the API.
/// </summary>
public sealed class Networks(AppDbContext db, MemberDocuments documents, TimeProvider clock)
{
    public const string DocumentKind = "network-document";

    /// <param name="Email">Shown to the office and the participant's own organisation only (personal data).</param>
    public sealed record ParticipantDto(int Id, string Name, string? Email, string? Title, string? Orgnr, string Organisation, bool External, DateOnly JoinedOn, DateOnly? LeftOn);

    public sealed record ActivityDto(int Id, string Title, string Kind, DateOnly On, string? Notes, int? DocumentId, string? DocumentName);

    /// <summary>MEM-8: how many of each member's people take part today.</summary>
    public sealed record MemberParticipation(string Orgnr, string Name, int Participants);

    public sealed record Dto(int Id, string Name, string Kind, string Purpose, DateOnly StartedOn, DateOnly? ClosedOn,
        IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<ActivityDto> Activities, IReadOnlyList<MemberParticipation> ParticipationByMember);

    public sealed record Summary(int Id, string Name, string Kind, string Purpose, DateOnly StartedOn, DateOnly? ClosedOn, int Participants, int Members, int Activities);

    public static NetworkKind ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "network" or null or "" => NetworkKind.Network,
        "working-group" or "workinggroup" => NetworkKind.WorkingGroup,
        _ => throw RuleViolation.Invalid("kind", "Kind is network or working-group.", "MEM-8"),
    };

    public static string KindName(NetworkKind kind) => kind == NetworkKind.WorkingGroup ? "working-group" : "network";

    public static NetworkActivityKind ParseActivityKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "meeting" or null or "" => NetworkActivityKind.Meeting,
        "workshop" => NetworkActivityKind.Workshop,
        "other" => NetworkActivityKind.Other,
        _ => throw RuleViolation.Invalid("kind", "Kind is meeting, workshop or other.", "PUR-3"),
    };

    public async Task<Network> CreateAsync(int partnershipId, string? name, string? kind, string? purpose, CancellationToken ct)
    {
        var network = new Network(partnershipId, name, ParseKind(kind), purpose, PartnershipTime.Today(clock)); // MEM-8
        db.Networks.Add(network);
        await db.SaveChangesAsync(ct);
        return network;
    }

    public async Task<Network?> FindAsync(int id, CancellationToken ct) =>
        await db.Networks.Include(n => n.Participants).Include(n => n.Activities).AsSplitQuery().SingleOrDefaultAsync(n => n.Id == id, ct);

    public async Task<List<Summary>> ListAsync(int partnershipId, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        var list = await db.Networks.AsNoTracking().Include(n => n.Participants).Include(n => n.Activities).AsSplitQuery()
            .Where(n => n.PartnershipId == partnershipId).OrderByBokmal(n => n.Name).ToListAsync(ct);
        return list.Select(n => new Summary(n.Id, n.Name, KindName(n.Kind), n.Purpose, n.StartedOn, n.ClosedOn,
            n.Participants.Count(p => p.IsActiveOn(today)), Network.ParticipationByMember(n.Participants, today).Count, n.Activities.Count)).ToList();
    }

    /// <summary>
    /// MEM-8: a member's person joins (office, or the member's own contact); PUR-2: with <paramref name="externalPartnerId"/>
    /// a person from an external partner joins (office only).
    /// </summary>
    public async Task<NetworkParticipant> AddParticipantAsync(Network network, ClaimsPrincipal user, string? orgnr, int? externalPartnerId,
        string? name, string? email, string? title, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        NetworkParticipant participant;
        if (externalPartnerId is { } partnerId)
        {
            if (!user.IsOffice())
            {
                throw RuleViolation.Forbidden("The office adds people from external partners.", "PUR-2");
            }

            var partner = await db.ExternalPartners.AsNoTracking().SingleOrDefaultAsync(x => x.Id == partnerId && x.PartnershipId == network.PartnershipId, ct)
                ?? throw RuleViolation.Invalid("externalPartnerId", $"No external partner {partnerId} in this partnership.", "PUR-2");
            participant = network.AddExternalParticipant(partner.Id, name, email, title, today); // PUR-2
        }
        else
        {
            if (string.IsNullOrWhiteSpace(orgnr))
            {
                throw RuleViolation.Invalid("orgnr", "Choose the member the person comes from.", "MEM-8");
            }

            if (!MemberAccess.CanEdit(user, orgnr))
            {
                throw RuleViolation.Forbidden("A member's people are added by its own contact or by the office.", "MEM-8");
            }

            var member = await db.Members.AsNoTracking().Include(m => m.Notices)
                .SingleOrDefaultAsync(m => m.PartnershipId == network.PartnershipId && m.Orgnr == orgnr, ct)
                ?? throw RuleViolation.Invalid("orgnr", $"{orgnr} is not a member of this partnership.", "MEM-8");
            participant = network.AddMemberParticipant(member.Id, member.HasRightsOn(today), name, email, title, today); // MEM-8
        }

        await db.SaveChangesAsync(ct);
        return participant;
    }

    public async Task EndParticipationAsync(Network network, int participantId, ClaimsPrincipal user, CancellationToken ct)
    {
        var participant = network.Participants.SingleOrDefault(p => p.Id == participantId) ?? throw new KeyNotFoundException($"No participant {participantId}.");
        var orgnr = participant.MemberId is { } memberId ? await db.Members.Where(m => m.Id == memberId).Select(m => m.Orgnr).SingleAsync(ct) : null;
        if (!user.IsOffice() && (orgnr is null || !MemberAccess.CanEdit(user, orgnr)))
        {
            throw RuleViolation.Forbidden("A member's people are taken off by its own contact or by the office.", "MEM-8");
        }

        network.EndParticipation(participant, PartnershipTime.Today(clock));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>PUR-3 / PUR-4: the office records a meeting or activity, with a shared document if given.</summary>
    public async Task<NetworkActivity> AddActivityAsync(Network network, string? title, string? kind, DateOnly? on, string? notes, Upload? document, CancellationToken ct)
    {
        var activityKind = ParseActivityKind(kind);
        if (on is null)
        {
            throw RuleViolation.Invalid("on", "Give the date.", "PUR-3");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            int? documentId = null;
            if (document is not null)
            {
                var stored = await documents.AddAsync(network.PartnershipId, null, DocumentKind, document, "document", ct);
                await db.SaveChangesAsync(ct);
                documentId = stored.Id;
            }

            var activity = network.AddActivity(title, activityKind, on.Value, notes, documentId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return activity;
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            await documents.DiscardAsync();
            throw;
        }
    }

    public async Task CloseAsync(Network network, CancellationToken ct)
    {
        network.Close(PartnershipTime.Today(clock));
        await db.SaveChangesAsync(ct);
    }

    public async Task<Dto> ToDtoAsync(Network n, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = PartnershipTime.Today(clock);
        var members = await db.Members.AsNoTracking().Where(m => m.PartnershipId == n.PartnershipId).Select(m => new { m.Id, m.Orgnr, m.Name }).ToDictionaryAsync(m => m.Id, ct);
        var partners = await db.ExternalPartners.AsNoTracking().Where(x => x.PartnershipId == n.PartnershipId).Select(x => new { x.Id, x.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var documentIds = n.Activities.Where(a => a.DocumentId is not null).Select(a => a.DocumentId!.Value).ToList();
        var documentNames = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.FileName, ct);
        var participants = n.Participants
            .OrderBy(p => p.LeftOn is not null).ThenBy(p => p.Name, Bokmal.Order)
            .Select(p =>
            {
                var orgnr = p.MemberId is { } m ? members[m].Orgnr : null;
                var organisation = p.MemberId is { } mm ? members[mm].Name : partners.GetValueOrDefault(p.ExternalPartnerId ?? 0, "");
                var seesEmail = user.IsOffice() || (orgnr is not null && MemberAccess.CanSeePersonalData(user, orgnr));
                return new ParticipantDto(p.Id, p.Name, seesEmail ? p.Email : null, p.Title, orgnr, organisation, p.ExternalPartnerId is not null, p.JoinedOn, p.LeftOn);
            }).ToList();
        var activities = n.Activities.OrderByDescending(a => a.On).ThenByDescending(a => a.Id)
            .Select(a => new ActivityDto(a.Id, a.Title, a.Kind.ToString().ToLowerInvariant(), a.On, a.Notes, a.DocumentId,
                a.DocumentId is { } d ? documentNames.GetValueOrDefault(d) : null)).ToList();
        var perMember = Network.ParticipationByMember(n.Participants, today) // MEM-8: participation per member
            .Select(kv => new MemberParticipation(members[kv.Key].Orgnr, members[kv.Key].Name, kv.Value)).OrderBy(x => x.Name, Bokmal.Order).ToList();
        return new Dto(n.Id, n.Name, KindName(n.Kind), n.Purpose, n.StartedOn, n.ClosedOn, participants, activities, perMember);
    }
}
