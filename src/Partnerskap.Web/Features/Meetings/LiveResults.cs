using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;

namespace Partnerskap.Web.Features.Meetings;

/// <summary>
/// Live results for the chair's screen and observers (SignalR, progressive enhancement: every page works without it).
/// A client calls <c>Watch(voteId)</c>; it then receives <c>results</c> with the vote view (same JSON as GET /api/votes/{id}).
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application,Identity.Bearer")] // pages (cookie) and API clients (bearer)
public sealed class VoteHub(AppDbContext db, PartnershipAccess access) : Hub
{
    public const string Path = "/hubs/votes";

    public static string Group(int voteId) => $"vote-{voteId}";

    public async Task Watch(int voteId)
    {
        var meetingId = await db.Votes.AsNoTracking().Where(v => v.Id == voteId).Select(v => (int?)v.MeetingId).SingleOrDefaultAsync();
        var partnershipId = meetingId is null ? null
            : await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => (int?)m.PartnershipId).SingleOrDefaultAsync();
        if (partnershipId is null || !await access.CanReadAsync(partnershipId.Value, Context.User!, Context.ConnectionAborted))
        {
            throw new HubException("No such vote.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(voteId));
    }
}

/// <summary>
/// Coalesces result pushes: ballots mark their vote changed; at most every 250 ms the current view of each changed
/// vote goes to its watchers. Thousands of ballots a second thus cost a handful of pushes, not one each.
/// </summary>
public sealed class LiveResults(IServiceScopeFactory scopes, IHubContext<VoteHub> hub, ILogger<LiveResults> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<int, byte> _changed = new();

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public void Changed(int voteId) => _changed[voteId] = 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var voteId in _changed.Keys)
            {
                _changed.TryRemove(voteId, out _);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var voting = scope.ServiceProvider.GetRequiredService<Voting>();
                    var vote = await db.Votes.AsNoTracking().SingleAsync(v => v.Id == voteId, stoppingToken);
                    var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == vote.MeetingId, stoppingToken);
                    var view = await voting.ViewAsync(vote, meeting, stoppingToken);
                    await hub.Clients.Group(VoteHub.Group(voteId)).SendAsync("results", view, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Live results for vote {VoteId} not pushed", voteId);
                }
            }
        }
    }
}
