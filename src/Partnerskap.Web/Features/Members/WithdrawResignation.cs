using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Members;

/// <summary>MEM-5 (policy): withdraws a standing notice before it takes effect.</summary>
public static class WithdrawResignation
{
    public sealed record Command(int PartnershipId, string Orgnr);

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditContext audit)
    {
        public async Task Handle(Command command, CancellationToken ct)
        {
            var partnership = await db.Partnerships.SingleAsync(p => p.Id == command.PartnershipId, ct);
            var member = await db.Members.FindMemberAsync(command.PartnershipId, command.Orgnr, ct)
                ?? throw new KeyNotFoundException($"{command.Orgnr} is not in the member register of {partnership.Name}.");
            member.WithdrawNotice(PartnershipTime.Today(clock), partnership.NoticeWithdrawalAllowed, audit.CurrentActor, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
    }
}
