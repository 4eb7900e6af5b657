using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerskap.Domain.Decisions;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;

namespace Partnerskap.Web.Tests.Board;

/// <summary>The governance core: board seats, meetings, cases with parties and recusals, the decision register.</summary>
public abstract class GovernanceApiTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private PartnerskapFactory App => host.App;

    private async Task<string> BoardUserAsync(string? orgnr = null)
    {
        var email = $"board-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.Board, orgnr);
        return email;
    }

    [Fact]
    public async Task ORG_2_office_gives_seats_and_everyone_in_the_partnership_sees_the_board()
    {
        var office = await App.LoginAsOfficeAsync();
        var email = await BoardUserAsync("920125298");
        var created = await office.PostAsJsonAsync($"{P}/board", new { userEmail = email, role = "leader", from = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var seats = await office.GetJsonAsync($"{P}/board");
        var seat = seats.EnumerateArray().Single(s => s.GetProperty("userEmail").GetString() == email);
        Assert.Equal("leader", seat.GetProperty("role").GetString());
        Assert.Equal("920125298", seat.GetProperty("organisationOrgnr").GetString());

        await (await office.PostAsJsonAsync($"{P}/board", new { userEmail = "nobody@test.local", role = "member", from = "2026-01-01" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await office.PostAsJsonAsync($"{P}/board", new { userEmail = email, role = "chair", from = "2026-01-01" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var board = await App.LoginAsync(email);
        await (await board.PostAsJsonAsync($"{P}/board", new { userEmail = email, role = "member", from = "2026-01-01" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DIS_3_party_seat_holder_is_refused_and_declared_conflict_is_recorded()
    {
        var office = await App.LoginAsOfficeAsync();
        var asker = await BoardUserAsync("920125298");
        var other = await BoardUserAsync();
        foreach (var e in new[] { asker, other })
        {
            await office.PostAsJsonAsync($"{P}/board", new { userEmail = e, role = "member", from = "2026-01-01" });
        }

        var meeting = await (await office.PostAsJsonAsync($"{P}/meetings", new { kind = "board", title = "Styremøte desember", startsAt = "2026-12-03T09:00:00+01:00" })).ReadJsonAsync();
        var meetingId = meeting.GetProperty("id").GetInt32();
        Assert.Equal("2026-12-03", meeting.GetProperty("date").GetString());
        var created = await office.PostAsJsonAsync($"/api/meetings/{meetingId}/cases", new { title = "Tvist om lisenskostnader", partyOrgnrs = new[] { "920125298" }, restricted = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/cases", new { title = "X", partyOrgnrs = new[] { "123" } })).AssertProblemAsync(HttpStatusCode.BadRequest);

        var recusal = await office.PostAsJsonAsync($"/api/cases/{caseId}/recusals", new { userEmail = other, reason = "Søster er leverandørens rådgiver" });
        Assert.Equal(HttpStatusCode.Created, recusal.StatusCode);
        await (await office.PostAsJsonAsync($"/api/cases/{caseId}/recusals", new { userEmail = other, reason = "igjen" })).AssertProblemAsync(HttpStatusCode.Conflict, "DIS-3");
        await (await office.PostAsJsonAsync($"/api/cases/{caseId}/recusals", new { userEmail = asker })).AssertProblemAsync(HttpStatusCode.BadRequest, "DIS-3");

        using var scope = App.Services.CreateScope();
        var seats = scope.ServiceProvider.GetRequiredService<BoardSeats>();
        var askerId = (await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == asker))).Id;
        var ex = await Assert.ThrowsAsync<Domain.Common.RuleViolation>(() => seats.RequireVotingSeatAsync(1, askerId, new DateOnly(2026, 12, 3), caseId, default));
        Assert.Equal("DIS-3", ex.Rule);
        var eligible = await seats.EligibleVotersAsync(1, caseId, new DateOnly(2026, 12, 3), default);
        Assert.DoesNotContain(eligible, s => s.UserId == askerId);
    }

    [Fact]
    public async Task ORG_2_decision_numbers_are_unique_and_gap_free_under_concurrency()
    {
        var year = await App.WithDbAsync(db => Task.FromResult(2040 + (db.Database.IsNpgsql() ? 1 : 0)));
        await Parallel.ForAsync(0, 12, async (i, ct) =>
        {
            using var scope = App.Services.CreateScope();
            var register = scope.ServiceProvider.GetRequiredService<DecisionRegister>();
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await register.RecordAsync(new NewDecision(1, DecisionBody.Board, new DateOnly(year, 3, 1), $"Vedtak {i}", "Styret vedtar."), ct);
                    return;
                }
                catch (DbUpdateException) when (attempt < 20)
                {
                    // SQLite: a writer that lost the race for the write lock retries (busy); numbers must stay gap-free.
                }
                catch (InvalidOperationException) when (attempt < 20)
                {
                }
            }
        });

        var numbers = await App.WithDbAsync(db => db.Decisions.Where(d => d.Year == year).Select(d => d.Sequence).OrderBy(s => s).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 12), numbers);
        var decisions = await (await App.LoginAsOfficeAsync()).GetJsonAsync($"{P}/decisions?year={year}");
        Assert.Equal($"{year}/1", decisions[0].GetProperty("number").GetString());
    }

    [Fact]
    public async Task MEM_6_the_annual_meetings_dissolution_decision_is_recorded_and_filed_and_the_boards_is_refused()
    {
        using var scope = App.Services.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<DecisionRegister>();
        var byBoard = await Assert.ThrowsAsync<Domain.Common.RuleViolation>(() => register.RecordAsync(new NewDecision(1, DecisionBody.Board,
            new DateOnly(2026, 11, 25), "Oppløsning", "Styret oppløser partnerskapet.", Effect: "dissolution", EffectTarget: "effectiveOn=2027-12-31"), default));
        Assert.Equal("MEM-6", byBoard.Rule);

        using var next = App.Services.CreateScope(); // a new request: the refused one's unit of work is gone with it
        var decision = await next.ServiceProvider.GetRequiredService<DecisionRegister>().RecordAsync(new NewDecision(1, DecisionBody.AnnualMeeting, new DateOnly(2026, 11, 25), "Oppløsning av DigiViken",
            "Årsmøtet vedtar å oppløse partnerskapet etter vedtektene.", Effect: "dissolution", EffectTarget: "effectiveOn=2027-12-31"), default);
        var office = await App.LoginAsOfficeAsync();
        var decisions = await office.GetJsonAsync($"{P}/decisions?year=2026");
        Assert.Contains(decisions.EnumerateArray(), d => d.GetProperty("number").GetString() == decision.Number);
        var records = await office.GetJsonAsync($"{P}/records");
        Assert.Contains(records.EnumerateArray(), c => c.GetProperty("key").GetString() == $"decision:{decision.Number}");
    }

    [Fact]
    public async Task A_member_contact_of_another_partnership_cannot_read_a_meeting()
    {
        var office = await App.LoginAsOfficeAsync();
        var meeting = await (await office.PostAsJsonAsync($"{P}/meetings", new { kind = "annual", title = "Årsmøte 2026", startsAt = "2026-12-10T10:00:00+01:00", location = "Drammen" })).ReadJsonAsync();
        var email = $"outsider-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, TestData.NextOrgnr());
        var outsider = await App.LoginAsync(email);
        await (await outsider.GetAsync($"/api/meetings/{meeting.GetProperty("id").GetInt32()}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await office.PostAsJsonAsync($"{P}/meetings", new { kind = "party", title = "X", startsAt = "2026-12-10T10:00:00Z" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class GovernanceApiTestsOnSqlite(SqliteHost host) : GovernanceApiTests(host), IClassFixture<SqliteHost>;

public sealed class GovernanceApiTestsOnPostgres(PostgresHost host) : GovernanceApiTests(host), IClassFixture<PostgresHost>;
