using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

public class AnnualMeetingFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task ORG_1_a_representative_with_two_members_votes_by_keyboard_on_a_phone_and_the_chairs_page_updates_live()
    {
        using var office = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await (await office.PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = PartnerskapFactory.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        office.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var meeting = await (await office.PostAsJsonAsync("/api/partnerships/digiviken/meetings",
            new { kind = "annual", title = "Årsmøte 2026", startsAt = "2026-12-10T10:00:00+01:00", location = "Drammen rådhus" })).Content.ReadFromJsonAsync<JsonElement>();
        var meetingId = meeting.GetProperty("id").GetInt32();
        var members = await host.App.WithDbAsync(db => db.Members.Where(m => m.CeasedOn == null).OrderBy(m => m.Name).Take(2).Select(m => new { m.Orgnr, m.Name }).ToListAsync());
        var email = $"rep-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(email, Roles.MemberContact, members[0].Orgnr, "Rita Representant");
        foreach (var m in members)
        {
            (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/credentials", new { orgnr = m.Orgnr, representativeEmail = email })).EnsureSuccessStatusCode();
        }

        var vote = await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/votes", new { question = "Godkjenne årsregnskapet for 2025" })).Content.ReadFromJsonAsync<JsonElement>();
        var voteId = vote.GetProperty("id").GetInt32();
        var violations = new List<string>();

        // The chair opens the vote on the chair's page and keeps it open.
        var chair = await host.NewPageAsync();
        var chairLogin = new LoginPage(chair);
        await chairLogin.OpenAsync();
        await chairLogin.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        await chair.GotoAsync($"/digiviken/meetings/{meetingId}");
        await Expect(chair.GetByRole(AriaRole.Table)).ToContainTextAsync("Rita Representant");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(chair));
        await chair.GotoAsync($"/digiviken/votes/{voteId}/chair");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Åpne avstemningen" }).ClickAsync();
        await Expect(chair.Locator("#live-state")).ToHaveTextAsync("Oppdateres automatisk.");
        await chair.EvaluateAsync("() => window.__notReloaded = true");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(chair));

        // The representative, on a 360 px phone, votes for both members with the keyboard only: for and against.
        var phone = await host.NewPageAsync(360, 740);
        var login = new LoginPage(phone);
        await login.OpenAsync();
        await login.LogInAsync(email, PartnerskapFactory.Password);
        await phone.GotoAsync($"/digiviken/votes/{voteId}");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(phone));
        var first = $"choice-{members[0].Orgnr}-0";
        for (var i = 0; i < 60 && await phone.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != first; i++)
        {
            await phone.Keyboard.PressAsync("Tab");
        }

        Assert.Equal(first, await phone.EvaluateAsync<string>("() => document.activeElement.id"));
        await phone.Keyboard.PressAsync("Space");       // member 1: for
        await phone.Keyboard.PressAsync("Tab");         // into member 2's group
        await phone.Keyboard.PressAsync("ArrowDown");   // member 2: mot (arrow keys move and select in a radio group)
        Assert.Equal($"choice-{members[1].Orgnr}-1", await phone.EvaluateAsync<string>("() => document.activeElement.id"));
        await phone.Keyboard.PressAsync("Tab");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#receipts")).ToContainTextAsync(members[1].Name);
        Assert.Equal(2, await phone.Locator(".receipt").CountAsync());
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"), "no horizontal scrolling at 360 px");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(phone));
        await BrowserHost.ScreenshotAsync(phone, "vote-phone");

        // The chair's page shows both ballots without a reload.
        await Expect(chair.Locator("[data-field='cast']")).ToHaveTextAsync("2");
        await Expect(chair.Locator("[data-option='for']")).ToHaveTextAsync("1");
        await Expect(chair.Locator("[data-option='mot']")).ToHaveTextAsync("1");
        Assert.True(await chair.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        await BrowserHost.ScreenshotAsync(chair, "chair-live");

        // Wait for the page the form redirects to (its message): the live update can show the outcome before that page has
        // loaded, and navigating on at that moment aborts (net::ERR_ABORTED, seen in CI).
        await chair.GetByRole(AriaRole.Button, new() { Name = "Avslutt avstemningen" }).ClickAsync();
        await Expect(chair.GetByText("Avstemningen er avsluttet og resultatet låst.")).ToBeVisibleAsync();
        await chair.WaitForLoadStateAsync(LoadState.Load);
        await Expect(chair.Locator("[data-field='outcome']")).ToHaveTextAsync("Ikke vedtatt");

        // The protocol, generated from the meeting's data.
        await chair.GotoAsync($"/digiviken/meetings/{meetingId}/protocol");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Lag protokollen fra møtets data" }).ClickAsync();
        await Expect(chair.Locator(".preserve-lines")).ToContainTextAsync("Godkjenne årsregnskapet for 2025");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(chair));
        await BrowserHost.ScreenshotAsync(chair, "protocol");

        // The public result, without logging in.
        var anonymous = await host.NewPageAsync();
        await anonymous.GotoAsync($"/digiviken/votes/{voteId}/results");
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Godkjenne årsregnskapet for 2025");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(anonymous));

        Assert.Empty(violations);
    }
}
