using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

public class BoardFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task ORG_2_DIS_3_a_board_meeting_from_agenda_to_approved_minutes_with_no_axe_violations()
    {
        var leader = $"leder-{Guid.NewGuid():N}@test.local";
        var asker = $"asker-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(leader, Roles.Board, null, "Line Leder");
        await host.App.CreateUserAsync(asker, Roles.Board, "920125298", "Kari Asker");
        var violations = new List<string>();
        async Task Axe(IPage p) => violations.AddRange((await BrowserHost.AxeViolationsAsync(p)).Select(v => $"{p.Url}: {v}"));

        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);

        // Composition: two seats, the leader and a member from Asker.
        await page.GetByRole(AriaRole.Link, new() { Name = "Programstyret" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programstyret", Level = 1 })).ToBeVisibleAsync();
        foreach (var (email, role) in new[] { (leader, "leader"), (asker, "member") })
        {
            await page.GetByLabel("E-post til personen").FillAsync(email);
            await page.GetByLabel("Rolle", new() { Exact = true }).SelectOptionAsync(role);
            await page.GetByLabel("Fra", new() { Exact = true }).FillAsync("2026-01-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrer styreplass" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Styreplassen er registrert");
        }

        await Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("Kari Asker");
        await Axe(page);

        // A meeting, and a restricted case on its agenda where Asker is a party.
        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync("Styremøte desember");
        await page.GetByLabel("Dato", new() { Exact = true }).FillAsync("2026-12-03");
        await page.GetByLabel("Sted", new() { Exact = true }).FillAsync("Drammen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett styremøte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Styremøte desember" })).ToBeVisibleAsync();
        var meetingUrl = page.Url;

        await page.GotoAsync("/digiviken/board/cases");
        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync("Fordeling av lisenskostnader");
        await page.GetByLabel("Møte", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Parter (organisasjonsnumre, skilt med komma)").FillAsync("920125298");
        await page.GetByLabel("Unntatt offentlighet (inhabile ser ikke saksdokumentene)").CheckAsync();
        await page.GetByLabel("Saksframlegg").FillAsync("Asker ber om ny fordeling av lisenskostnadene.");
        await page.GetByLabel("Forslag til vedtak").FillAsync("Kostnadene fordeles etter innbyggertall.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett sak" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("er opprettet");
        await Expect(page.Locator("#recusals-caption")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Automatisk: organisasjonen er part");
        var caseUrl = page.Url;
        await Axe(page);
        await page.GotoAsync("/digiviken/board/cases");
        await Axe(page);

        // Notice and attendance.
        await page.GotoAsync(meetingUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send innkalling med saksliste" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Innkallingen");
        await page.GetByLabel("Line Leder (Leder)").CheckAsync();
        await page.GetByLabel("Kari Asker (Medlem)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre oppmøte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Oppmøtet er registrert");
        await Axe(page);

        // The decision, recorded by the office as the meeting's secretary.
        await page.GotoAsync(caseUrl);
        await page.GetByLabel("Avstemning (f.eks. enstemmig eller 5 for, 1 mot)").FillAsync("Enstemmig");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer vedtak" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vedtaket er registrert");
        await Expect(page.GetByText("Kostnadene fordeles etter innbyggertall.").First).ToBeVisibleAsync();
        await Axe(page);

        // Minutes approved; the minutes page shows the recusal and its reason.
        await page.GotoAsync(meetingUrl);
        await page.GetByLabel("Hvordan protokollen ble godkjent").FillAsync("Godkjent per e-post 5. desember");
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkjenn protokollen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Protokollen er godkjent");
        await Axe(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Protokoll", Exact = true }).ClickAsync();
        await Expect(page.Locator("#minutes-status")).ToContainTextAsync("Godkjent per e-post 5. desember");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Habilitet (DIS-3): Kari Asker");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Enstemmig");
        await Axe(page);
        await BrowserHost.ScreenshotAsync(page, "board-minutes");
        await page.GotoAsync(meetingUrl + "/book");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Asker ber om ny fordeling");
        await Axe(page);
        await page.GotoAsync("/digiviken/board/decisions");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Kostnadene fordeles etter innbyggertall.");
        await Axe(page);

        // The recused Asker member does not see the restricted papers (DIS-3).
        var member = await host.NewPageAsync();
        var memberLogin = new LoginPage(member);
        await memberLogin.OpenAsync();
        await memberLogin.LogInAsync(asker, PartnerskapFactory.Password);
        await member.GotoAsync(meetingUrl.Replace(host.BaseUrl, "", StringComparison.Ordinal) + "/book");
        await Expect(member.GetByRole(AriaRole.Main)).ToContainTextAsync("De vises derfor ikke (DIS-3)");
        await Expect(member.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Asker ber om ny fordeling");
        await Axe(member);
        await member.GotoAsync(caseUrl.Replace(host.BaseUrl, "", StringComparison.Ordinal));
        await Expect(member.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Asker ber om ny fordeling");
        await Axe(member);

        Assert.Empty(violations);
    }

    [Fact]
    public async Task DIS_2_office_logs_a_dispute_escalates_it_and_the_year_wheel_shows_the_deadlines_with_no_axe_violations()
    {
        var violations = new List<string>();
        var page = await host.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);

        await page.GotoAsync("/digiviken/disputes");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByLabel("Hva gjelder tvisten").FillAsync("Fordeling av lisenskostnader");
        await page.GetByLabel("Parter (organisasjonsnumre, skilt med komma)").FillAsync("920125298, 935478715");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer tvist" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tvisten er registrert");
        await page.GetByRole(AriaRole.Button, new() { Name = "Løft til programstyret" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("DIS-1"); // dialogue first
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByLabel("Nytt notat (møte, brev, forslag)").FillAsync("Møte mellom partene 1. november, ingen enighet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til i loggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Løft til programstyret" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("unntatt offentlighet");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Løftet til programstyret");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GotoAsync("/digiviken/year-wheel");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Frist for oppsigelse med virkning fra neste år");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        Assert.Empty(violations);
    }
}
