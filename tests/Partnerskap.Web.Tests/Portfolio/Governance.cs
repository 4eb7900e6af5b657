using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerskap.Domain.Decisions;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>Test helpers for the programme board (ORG-2): a seat holder's login and a decision in the register.</summary>
public static class Governance
{
    public static string? LastBoardEmail { get; private set; }

    /// <summary>A user with the board role holding a seat (default a voting "member" seat) from 2026-01-01; a logged-in client.</summary>
    public static async Task<HttpClient> BoardMemberAsync(PartnerskapFactory app, string role = "member")
    {
        var email = $"styre-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(email, Roles.Board, name: "Styremedlem Test");
        var office = await app.LoginAsOfficeAsync();
        var seat = await office.PostAsJsonAsync("/api/partnerships/digiviken/board", new { userEmail = email, role, from = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, seat.StatusCode);
        LastBoardEmail = email;
        return await app.LoginAsync(email);
    }

    /// <summary>Records a board decision in the register (with an effect, when given) and returns its number ("2026/14").</summary>
    public static async Task<string> DecisionAsync(PartnerskapFactory app, string title, string? effect = null, string? target = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partnership = await db.Partnerships.SingleAsync(p => p.Slug == "digiviken");
        var register = scope.ServiceProvider.GetRequiredService<DecisionRegister>();
        var decision = await register.RecordAsync(
            new NewDecision(partnership.Id, DecisionBody.Board, new DateOnly(2026, 11, 25), title, $"Programstyret vedtok: {title}.", Effect: effect, EffectTarget: target),
            CancellationToken.None);
        return decision.Number;
    }
}
