using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Audit;

/// <summary>The audit log for the office, with a check of the hash chain.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<AuditLog.EntryDto> Entries { get; private set; } = [];

    public AuditLog.Verification? Verification { get; private set; }

    public string? Entity { get; private set; }

    public string? Key { get; private set; }

    public async Task OnGetAsync(string? entity, string? key, bool verify, CancellationToken ct)
    {
        (Entity, Key) = (entity, key);
        Entries = await AuditLog.Query(db, entity, key, 200).ToListAsync(ct);
        if (verify)
        {
            Verification = await AuditLog.VerifyAsync(db, ct);
        }
    }
}
