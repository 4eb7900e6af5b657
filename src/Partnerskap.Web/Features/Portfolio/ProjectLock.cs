using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Portfolio;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// FIN-9 under concurrency: every change to a project's money starts a transaction and locks the project row first
/// (a row lock on PostgreSQL, the database write lock on SQLite), then reads the project. A second request for the
/// same project waits here and then sees the first one's expenditure, so two spends that together exceed the limit
/// cannot both pass. The <see cref="Project.LockVersion"/> concurrency token backs it up.
/// </summary>
public static class ProjectLock
{
    public static async Task<Project> LockAndLoadAsync(AppDbContext db, int projectId, CancellationToken ct)
    {
        var rows = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Projects\" SET \"LockVersion\" = \"LockVersion\" WHERE \"Id\" = {projectId}", ct);
        if (rows == 0)
        {
            throw new KeyNotFoundException($"There is no project {projectId}.");
        }

        return await db.Projects
            .Include(p => p.Participants).Include(p => p.Plans).Include(p => p.Escalations).Include(p => p.Gates)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == projectId, ct);
    }
}
