using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Members;

/// <summary>One member with its contacts, roles and history (a timeline of what happened, oldest first).</summary>
public static class GetMember
{
    /// <param name="ShowPersonalData">Contacts' e-mail and phone; false leaves them out (see <see cref="MemberAccess.CanSeePersonalData"/>).</param>
    public sealed record Query(int PartnershipId, string Orgnr, DateOnly AsOf, bool ShowPersonalData = true);

    public sealed record NumberPeriod(string Number, DateOnly ValidFrom, DateOnly? ValidTo);

    /// <param name="Event">joined, municipality-number, notice, notice-withdrawn, exit, ceased, succeeded, role-started, role-ended.</param>
    /// <param name="Value">The event's key value (a number, a role, an orgnr), for the pages to phrase.</param>
    public sealed record HistoryEvent(DateOnly Date, string Event, string Description, string? Value = null);

    public sealed record Contact(int Id, string Name, string? Email, string? Phone, IReadOnlyList<Role> Roles);

    public sealed record Role(int Id, string Name, DateOnly From, DateOnly? To, bool Current);

    public sealed record Notice(int Id, DateTimeOffset ReceivedAt, DateOnly ReceivedOn, DateOnly EffectiveOn, int DocumentId, int? ReceiptDocumentId, DateOnly? WithdrawnOn);

    public sealed record Details(
        int Id,
        string Orgnr,
        string Name,
        MemberKind Kind,
        string? MunicipalityNumber,
        DateOnly JoinedOn,
        MembershipStatus? Status,
        DateOnly? ExitEffectiveOn,
        string? SignedBy,
        string? SignedAt,
        DateOnly? SignedOn,
        int? SignedDocumentId,
        string? Address,
        string? PostalCode,
        string? City,
        string? InvoiceAddress,
        string? InvoiceReference,
        string EhfEndpoint,
        IReadOnlyList<NumberPeriod> MunicipalityNumbers,
        IReadOnlyList<Contact> Contacts,
        IReadOnlyList<Notice> Notices,
        IReadOnlyList<HistoryEvent> History);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Details?> Handle(Query query, CancellationToken ct)
        {
            var member = await db.Members.AsNoTracking().FindMemberAsync(query.PartnershipId, query.Orgnr, ct);
            if (member is null)
            {
                return null;
            }

            var successions = await db.Successions.AsNoTracking()
                .Include(s => s.Parties)
                .Where(s => s.PartnershipId == query.PartnershipId && s.Parties.Any(p => p.MemberId == member.Id))
                .ToListAsync(ct);

            var numbers = member.MunicipalityNumbers.OrderBy(p => p.ValidFrom)
                .Select(p => new NumberPeriod(p.Number, p.ValidFrom, p.ValidTo))
                .ToList();

            var contacts = member.Contacts.OrderBy(c => c.Name, Bokmal.Order)
                .Select(c => new Contact(c.Id, c.Name, query.ShowPersonalData ? c.Email : null, query.ShowPersonalData ? c.Phone : null, member.Roles
                    .Where(r => r.ContactId == c.Id)
                    .OrderBy(r => r.From)
                    .Select(r => new Role(r.Id, r.Role.ToApi(), r.From, r.To, r.Covers(query.AsOf)))
                    .ToList()))
                .ToList();

            return new Details(
                member.Id,
                member.Orgnr,
                member.Name,
                member.Kind,
                member.MunicipalityNumberOn(query.AsOf),
                member.JoinedOn,
                member.StatusOn(query.AsOf),
                member.ExitOn(query.AsOf),
                member.SignedBy,
                member.SignedAt,
                member.SignedOn,
                member.SignedDocumentId,
                member.Address,
                member.PostalCode,
                member.City,
                member.InvoiceAddress,
                member.InvoiceReference,
                member.EhfEndpoint,
                numbers,
                contacts,
                member.Notices.OrderBy(n => n.ReceivedAt)
                    .Select(n => new Notice(n.Id, n.ReceivedAt, n.ReceivedOn, n.EffectiveOn, n.DocumentId, n.ReceiptDocumentId, n.WithdrawnOn))
                    .ToList(),
                History(member, successions));
        }

        private static List<HistoryEvent> History(Member member, List<Succession> successions)
        {
            var history = new List<HistoryEvent>
            {
                new(member.JoinedOn, "joined", member.SignedBy is null
                    ? "Membership started (MEM-2)."
                    : $"Membership started (MEM-2); signed by {member.SignedBy}{(member.SignedAt is null ? "" : $", {member.SignedAt}")}."),
            };
            history.AddRange(member.MunicipalityNumbers.OrderBy(p => p.ValidFrom).Skip(1)
                .Select(n => new HistoryEvent(n.ValidFrom, "municipality-number", $"New municipality number {n.Number}.", n.Number)));
            foreach (var n in member.Notices)
            {
                history.Add(new(n.ReceivedOn, "notice", $"Written notice of resignation received; takes effect {n.EffectiveOn:yyyy-MM-dd} (MEM-3).", n.EffectiveOn.ToString("yyyy-MM-dd")));
                if (n.WithdrawnOn is { } withdrawn)
                {
                    history.Add(new(withdrawn, "notice-withdrawn", "The notice was withdrawn before it took effect (MEM-5)."));
                }
                else
                {
                    history.Add(new(n.EffectiveOn, "exit", "Exit: free of the agreement's rights and duties from this date (MEM-5)."));
                }
            }

            foreach (var s in successions)
            {
                var successors = string.Join(", ", s.Parties.Where(p => !p.IsPredecessor).Select(p => p.Name));
                var predecessors = string.Join(", ", s.Parties.Where(p => p.IsPredecessor).Select(p => p.Name));
                history.Add(s.Parties.Any(p => p.IsPredecessor && p.MemberId == member.Id)
                    ? new(s.EffectiveOn, "ceased", $"Ceased; succeeded by {successors} (MEM-1).", successors)
                    : new(s.EffectiveOn, "succeeded", $"Succeeded {predecessors} (MEM-1).", predecessors));
            }

            foreach (var r in member.Roles)
            {
                var who = member.Contacts.FirstOrDefault(c => c.Id == r.ContactId)?.Name ?? "";
                history.Add(new(r.From, "role-started", $"{who}: {r.Role.ToApi()} from this date.", r.Role.ToApi()));
                if (r.To is { } to)
                {
                    history.Add(new(to, "role-ended", $"{who}: {r.Role.ToApi()} until this date.", r.Role.ToApi()));
                }
            }

            return history.OrderBy(h => h.Date).ToList();
        }
    }
}
