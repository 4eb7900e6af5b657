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

    private async Task<IPage> LoggedInAsync(string email)
    {
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(email, PartnerskapFactory.Password);
        return page;
    }

    [Fact]
    public async Task ORG_1_paper_ballots_are_entered_by_two_office_users_and_the_meeting_forms_work_without_javascript()
    {
        using var office = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await (await office.PostAsJsonAsync("/api/auth/login", new { email = PartnerskapFactory.OfficeEmail, password = PartnerskapFactory.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        office.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var meetingId = (await (await office.PostAsJsonAsync("/api/partnerships/digiviken/meetings",
            new { kind = "annual", title = "Årsmøte med papirstemmer", startsAt = "2027-02-10T10:00:00+01:00", location = "Drammen rådhus" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetInt32();
        var members = await host.App.WithDbAsync(db => db.Members.Where(m => m.CeasedOn == null && !m.Notices.Any()).OrderByDescending(m => m.Name).Take(2)
            .Select(m => new { m.Orgnr, m.Name }).ToListAsync());
        var rep = $"rep-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(rep, Roles.MemberContact, members[0].Orgnr, "Per Papir");
        var second = $"office-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(second, Roles.Office, null, "Kari Kontor");
        var violations = new List<string>();

        // Settings page: the office names the statutes' rules.
        var page = await LoggedInAsync(PartnerskapFactory.OfficeEmail);
        await page.GotoAsync("/digiviken/meetings/settings");
        await page.GetByLabel("Dokumentet reglene kommer fra").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre reglene" }).ClickAsync();
        await Expect(page.Locator("#source-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByLabel("Dokumentet reglene kommer fra").FillAsync("Vedtekter § 5 (årsmøtet 2022 sak 4)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre reglene" }).ClickAsync();
        await Expect(page.GetByText("Reglene for årsmøtet er lagret.")).ToBeVisibleAsync();

        // Meeting page: agenda item with a paper, a representative with a proxy document and a weight.
        await page.GotoAsync($"/digiviken/meetings/{meetingId}");
        await page.GetByLabel("Ny sak på sakslisten").FillAsync("Årsregnskap 2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til sak" }).ClickAsync();
        await page.GetByLabel("Legg ved sakspapir til sak 1").SetInputFilesAsync(new FilePayload { Name = "arsregnskap.txt", MimeType = "text/plain", Buffer = "Regnskap"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Last opp til sak 1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sakspapir: arsregnskap.txt" })).ToBeVisibleAsync();
        foreach (var m in members)
        {
            await page.GetByLabel("Medlem", new() { Exact = true }).First.SelectOptionAsync(m.Orgnr);
            await page.GetByLabel("Representantens e-post").FillAsync(rep);
            if (m == members[1])
            {
                await page.GetByLabel("Signert fullmakt (valgfritt)").SetInputFilesAsync(new FilePayload { Name = "fullmakt.txt", MimeType = "text/plain", Buffer = "Fullmakt"u8.ToArray() });
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Registrer", Exact = true }).ClickAsync();
            await Expect(page.GetByText("Fullmakten er registrert.")).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Fullmaktsdokument for {members[1].Name}" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        // The member contact proposes on the page; the office enters the board's recommendation beside it.
        var contact = await LoggedInAsync(rep);
        await contact.GotoAsync($"/digiviken/meetings/{meetingId}");
        await contact.GetByRole(AriaRole.Button, new() { Name = "Send inn forslaget" }).ClickAsync();
        await Expect(contact.Locator("#proposalTitle-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(contact));
        await contact.GetByLabel("Tittel på forslaget").FillAsync("Lavere kontingent");
        await contact.GetByLabel("Forslaget", new() { Exact = true }).FillAsync("Satsen settes til 30 kroner per innbygger.");
        await contact.GetByRole(AriaRole.Button, new() { Name = "Send inn forslaget" }).ClickAsync();
        await Expect(contact.GetByText("Forslaget er sendt inn.", new() { Exact = false })).ToBeVisibleAsync();
        await page.GotoAsync($"/digiviken/meetings/{meetingId}");
        await page.GetByLabel("Styrets innstilling til «Lavere kontingent»").FillAsync("Styret tilrår at forslaget ikke vedtas.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre innstillingen" }).ClickAsync();
        await Expect(page.GetByText("Styret tilrår at forslaget ikke vedtas.", new() { Exact = false }).First).ToBeVisibleAsync();

        // A vote; the first office user enters a paper ballot on the chair's page, the second confirms it.
        var voteId = (await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/votes", new { question = "Godkjenne årsregnskapet" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetInt32();
        await page.GotoAsync($"/digiviken/votes/{voteId}/chair");
        await page.GetByRole(AriaRole.Button, new() { Name = "Åpne avstemningen" }).ClickAsync();
        await page.GetByLabel("Medlem").SelectOptionAsync(members[0].Orgnr);
        await page.GetByLabel("For", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Før inn papirstemmeseddelen" }).ClickAsync();
        await Expect(page.GetByText("Papirstemmeseddelen er registrert.", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByLabel("Medlem").SelectOptionAsync(members[0].Orgnr);
        await page.GetByLabel("For", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Før inn papirstemmeseddelen" }).ClickAsync();
        await Expect(page.Locator("#paperOrgnr-error")).ToBeVisibleAsync(); // the same user cannot confirm
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        var chair2 = await LoggedInAsync(second);
        await chair2.GotoAsync($"/digiviken/votes/{voteId}/chair");
        await chair2.GetByLabel("Medlem").SelectOptionAsync(members[0].Orgnr);
        await chair2.GetByLabel("Mot", new() { Exact = true }).CheckAsync();
        await chair2.GetByRole(AriaRole.Button, new() { Name = "Før inn papirstemmeseddelen" }).ClickAsync();
        await Expect(chair2.Locator("#paperChoice-error")).ToContainTextAsync("stemmen er ulik");
        await chair2.GetByLabel("For", new() { Exact = true }).CheckAsync();
        await chair2.GetByRole(AriaRole.Button, new() { Name = "Før inn papirstemmeseddelen" }).ClickAsync();
        await Expect(chair2.GetByText("Papirstemmeseddelen er bekreftet og telt.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(chair2.Locator("[data-field='cast']")).ToHaveTextAsync("1");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(chair2));
        await BrowserHost.ScreenshotAsync(chair2, "chair-paper-ballots");
        await chair2.GetByRole(AriaRole.Button, new() { Name = "Avslutt avstemningen" }).ClickAsync();
        await Expect(chair2.Locator("[data-field='outcome']")).ToHaveTextAsync("Vedtatt");

        // The protocol approved by two co-signers closes the meeting; its results are public.
        (await office.PostAsync($"/api/meetings/{meetingId}/protocol", null)).EnsureSuccessStatusCode();
        var signers = new List<HttpClient>();
        var emails = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var e = $"signer-{Guid.NewGuid():N}@test.local";
            await host.App.CreateUserAsync(e, Roles.MemberContact, members[i].Orgnr, $"Underskriver {i + 1}");
            emails.Add(e);
            var c = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
            var t = await (await c.PostAsJsonAsync("/api/auth/login", new { email = e, password = PartnerskapFactory.Password })).Content.ReadFromJsonAsync<JsonElement>();
            c.DefaultRequestHeaders.Authorization = new("Bearer", t.GetProperty("accessToken").GetString());
            signers.Add(c);
        }

        (await office.PutAsJsonAsync($"/api/meetings/{meetingId}/protocol", new { coSigners = emails })).EnsureSuccessStatusCode();
        foreach (var s in signers)
        {
            (await s.PostAsync($"/api/meetings/{meetingId}/protocol/approvals", null)).EnsureSuccessStatusCode();
            s.Dispose();
        }

        await page.GotoAsync($"/digiviken/meetings/{meetingId}");
        await Expect(page.GetByText("Møtet er avsluttet", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Registrer", Exact = true }).CountAsync());
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        var anonymous = await host.NewPageAsync(360, 740);
        await anonymous.GotoAsync($"/digiviken/meetings/{meetingId}/results");
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Godkjenne årsregnskapet" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(anonymous));

        Assert.Empty(violations);
    }
}
