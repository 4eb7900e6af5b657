using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Members;

/// <summary>One member with its contacts and history (a timeline of what happened, oldest first).</summary>
public static class GetMember
{
    public sealed record Query(int PartnershipId, string Orgnr, DateOnly AsOf);

    public sealed record NumberPeriod(string Number, DateOnly ValidFrom, DateOnly? ValidTo);

    public sealed record HistoryEvent(DateOnly Date, string Event, string Description);

    public sealed record Contact(string Name, string? Email, string? Phone, string Role, DateOnly From, DateOnly? To);

    public sealed record Details(
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
        IReadOnlyList<NumberPeriod> MunicipalityNumbers,
        IReadOnlyList<Contact> Contacts,
        IReadOnlyList<HistoryEvent> History);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Details?> Handle(Query query, CancellationToken ct)
        {
            var member = await db.Members.AsNoTracking()
                .Include(m => m.MunicipalityNumbers)
                .SingleOrDefaultAsync(m => m.PartnershipId == query.PartnershipId && m.Orgnr == query.Orgnr, ct);
            if (member is null)
            {
                return null;
            }

            var numbers = member.MunicipalityNumbers.OrderBy(p => p.ValidFrom)
                .Select(p => new NumberPeriod(p.Number, p.ValidFrom, p.ValidTo))
                .ToList();

            var history = new List<HistoryEvent>
            {
                new(member.JoinedOn, "joined", member.SignedBy is null
                    ? "Membership started (MEM-2)."
                    : $"Membership started (MEM-2); signed by {member.SignedBy}{(member.SignedAt is null ? "" : $", {member.SignedAt}")}."),
            };
            history.AddRange(numbers.Skip(1).Select(n => new HistoryEvent(n.ValidFrom, "municipality-number", $"New municipality number {n.Number}.")));

            return new Details(
                member.Orgnr,
                member.Name,
                member.Kind,
                member.MunicipalityNumberOn(query.AsOf),
                member.JoinedOn,
                member.StatusOn(query.AsOf),
                null,
                member.SignedBy,
                member.SignedAt,
                member.SignedOn,
                numbers,
                [],
                history.OrderBy(h => h.Date).ToList());
        }
    }
}
