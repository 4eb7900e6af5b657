using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Domain.Board;
using Partnerskap.Domain.Decisions;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Board;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

public class PortfolioFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    /// <summary>A board member with a voting seat (ORG-2) and two decisions in the register: one approves, one decides the escalation.</summary>
    private async Task<(string Email, string Approval, string Increase)> BoardAsync()
    {
        var email = $"styre-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(email, Roles.Board, name: "Styreleder Test");
        using var scope = host.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var partnership = await db.Partnerships.SingleAsync(p => p.Slug == "digiviken");
        db.BoardSeats.Add(new BoardSeat(partnership.Id, user!.Id, BoardRole.Leader, new DateOnly(2026, 1, 1), null));
        await db.SaveChangesAsync();
        var register = scope.ServiceProvider.GetRequiredService<DecisionRegister>();
        var day = new DateOnly(2026, 11, 25);
        var a = await register.RecordAsync(new NewDecision(partnership.Id, DecisionBody.Board, day, "Finansieringsplan for felles chatbot", "Planen godkjennes."), default);
        var b = await register.RecordAsync(new NewDecision(partnership.Id, DecisionBody.Board, day, "Økt ramme for felles chatbot", "Rammen økes."), default);
        return (email, a.Number, b.Number);
    }

    [Fact]
    public async Task FIN_9_idea_to_project_to_approved_plan_to_expenditure_to_escalation_and_every_page_passes_axe()
    {
        var (boardEmail, approval, increase) = await BoardAsync();
        var violations = new List<string>();
        var office = await host.NewPageAsync(width: 360, height: 800); // the office on a phone
        var login = new LoginPage(office);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);

        // The idea becomes a project in the idea phase.
        await office.GotoAsync("/digiviken/portfolio/new");
        await office.GetByRole(AriaRole.Button, new() { Name = "Opprett prosjektet" }).ClickAsync();
        await Expect(office.Locator("#ownerOrgnr-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await office.GetByLabel("Navn", new() { Exact = true }).FillAsync("Felles chatbot");
        await office.GetByLabel("Eier (medlem)").SelectOptionAsync("920125298");
        await office.GetByLabel("Prosjektleder").FillAsync("Kari Nordmann");
        await office.Locator("#p-935478715").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Opprett prosjektet" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Felles chatbot");
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("lagt i porteføljen");
        var projectUrl = office.Url;

        // The office proposes a financing plan.
        await office.GetByText("Foreslå ny versjon av finansieringsplanen").ClickAsync();
        await office.Locator("#kind-0").SelectOptionAsync("grant");
        await office.Locator("#description-0").FillAsync("Skjønnsmidler fra Statsforvalteren");
        await office.Locator("#amount-0").FillAsync("300000");
        await office.Locator("#kind-1").SelectOptionAsync("base-funding");
        await office.Locator("#description-1").FillAsync("Grunnfinansiering 2026");
        await office.Locator("#amount-1").FillAsync("100 000");
        await office.GetByRole(AriaRole.Button, new() { Name = "Foreslå finansieringsplan" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Versjon 1");
        await Expect(office.Locator("#plan-1")).ToContainTextAsync("Foreslått");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await BrowserHost.ScreenshotAsync(office, "portfolio-project-proposed");

        // The board approves it on its decision.
        var board = await host.NewPageAsync();
        var boardLogin = new LoginPage(board);
        await boardLogin.OpenAsync();
        await boardLogin.LogInAsync(boardEmail, PartnerskapFactory.Password);
        await board.GotoAsync(projectUrl);
        await board.GetByLabel("Programstyrets vedtak som godkjenner versjon 1").FillAsync("1999/1");
        await board.GetByRole(AriaRole.Button, new() { Name = "Godkjenn versjon 1" }).ClickAsync();
        await Expect(board.Locator("#approve-1-error")).ToContainTextAsync("FIN-7");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(board));
        await board.GetByLabel("Programstyrets vedtak som godkjenner versjon 1").FillAsync(approval);
        await board.GetByRole(AriaRole.Button, new() { Name = "Godkjenn versjon 1" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("godkjent");

        // The office records an expenditure within the limit, then one beyond it: refused, escalated.
        await office.GotoAsync(projectUrl);
        await office.GetByLabel("Dato").FillAsync("2026-11-20");
        await office.Locator("#amount").FillAsync("350000");
        await office.GetByLabel("Hva pengene gikk til").FillAsync("Utvikling, første leveranse");
        await office.GetByRole(AriaRole.Button, new() { Name = "Registrer utgiften" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Utgiften er registrert");

        await office.GetByLabel("Dato").FillAsync("2026-11-24");
        await office.Locator("#amount").FillAsync("80000");
        await office.GetByLabel("Hva pengene gikk til").FillAsync("Utvikling, andre leveranse");
        await office.GetByRole(AriaRole.Button, new() { Name = "Registrer utgiften" }).ClickAsync();
        await Expect(office.Locator("#amount-error")).ToContainTextAsync("FIN-9");
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "Eskalert til programstyret (FIN-9)" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await BrowserHost.ScreenshotAsync(office, "portfolio-project-escalated");

        await office.GotoAsync("/digiviken/portfolio");
        var row = office.GetByRole(AriaRole.Row).Filter(new() { HasText = "Felles chatbot" });
        await Expect(row).ToContainTextAsync("Eskalert");
        await Expect(row).ToContainTextAsync("400 000");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await BrowserHost.ScreenshotAsync(office, "portfolio-overview");

        // The board decides: increase the financing.
        await board.GotoAsync(projectUrl);
        await board.GetByLabel("Programstyrets vedtak (nummer i vedtaksregisteret)").FillAsync(increase);
        await board.GetByLabel("Utfall").SelectOptionAsync("increase-financing");
        await board.GetByLabel("Ny godkjent finansiering (kr, ved økt finansiering)").FillAsync("450000");
        await board.GetByRole(AriaRole.Button, new() { Name = "Registrer vedtaket" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("registrert");
        await Expect(board.Locator("#plan-2")).ToContainTextAsync("Godkjent");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(board));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task FIN_5_the_office_builds_the_base_budget_with_a_grant_and_filters_the_overview_and_every_page_passes_axe()
    {
        var violations = new List<string>();
        var office = await host.NewPageAsync(width: 360, height: 800);
        var login = new LoginPage(office);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);

        // The overview filters on the server: a GET form, no JS needed.
        await office.GotoAsync("/digiviken/portfolio");
        await office.GetByLabel("Navn inneholder").FillAsync("finnes ikke");
        await office.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(office.GetByText("Ingen prosjekter passer filteret.")).ToBeVisibleAsync();
        Assert.Contains("q=finnes", office.Url, StringComparison.Ordinal);
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));

        await office.GotoAsync("/digiviken/portfolio/funding?year=2030");
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Grunnfinansiering og tilskudd 2030");
        // A bad amount is shown next to its field; nothing saved.
        await office.GetByLabel("Beskrivelse").FillAsync("Kontingent 2030");
        await office.GetByLabel("Budsjett (kr)").FillAsync("mye");
        await office.GetByRole(AriaRole.Button, new() { Name = "Legg til linjen" }).ClickAsync();
        await Expect(office.Locator("#budgeted-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));

        await office.GetByLabel("Type").SelectOptionAsync("positions");
        await office.GetByLabel("Beskrivelse").FillAsync("To stillinger i programkontoret");
        await office.GetByLabel("Budsjett (kr)").FillAsync("2 400 000");
        await office.GetByRole(AriaRole.Button, new() { Name = "Legg til linjen" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("lagt til");
        await Expect(office.Locator("#positions-warning")).ToBeVisibleAsync();

        await office.GetByLabel("Tilskuddsgiver").FillAsync("Statsforvalteren i Oslo og Viken");
        await office.GetByLabel("Søkt beløp (kr)").FillAsync("2500000");
        await office.GetByRole(AriaRole.Button, new() { Name = "Registrer søknaden" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("registrert");
        await office.GetByLabel("Innvilget beløp (kr, 0 er avslag)").FillAsync("2500000");
        await office.GetByRole(AriaRole.Button, new() { Name = "Lagre tilsagnet" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("oppdatert");
        await Expect(office.Locator("#positions-warning")).ToHaveCountAsync(0);
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await BrowserHost.ScreenshotAsync(office, "portfolio-funding");

        Assert.Empty(violations);
    }

    [Fact]
    public async Task PUR_5_a_member_contact_submits_an_idea_the_office_recommends_it_and_the_pages_pass_axe()
    {
        var violations = new List<string>();
        var email = $"asker-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(email, Roles.MemberContact, "920125298");
        var member = await host.NewPageAsync(width: 360, height: 800);
        var login = new LoginPage(member);
        await login.OpenAsync();
        await login.LogInAsync(email, PartnerskapFactory.Password);
        await member.GotoAsync("/digiviken/portfolio/ideas");
        await member.GetByRole(AriaRole.Button, new() { Name = "Send inn ideen" }).ClickAsync();
        await Expect(member.Locator("#title-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(member));
        await member.GetByLabel("Tittel").FillAsync("Felles innbyggerportal");
        await member.GetByLabel("Beskrivelse").FillAsync("Én inngang for innbyggerne i alle kommunene.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Send inn ideen" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("sendt til programkontoret");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(member));

        var office = await host.NewPageAsync();
        var officeLogin = new LoginPage(office);
        await officeLogin.OpenAsync();
        await officeLogin.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        await office.GotoAsync("/digiviken/portfolio/ideas");
        var card = office.Locator("section.idea").Filter(new() { HasText = "Felles innbyggerportal" });
        await card.GetByLabel("Ja, anbefales").CheckAsync();
        await card.GetByLabel("Vurdering").FillAsync("Flere kommuner har samme behov.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Lagre vurderingen" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("programstyret");
        await Expect(office.Locator("section.idea").Filter(new() { HasText = "Felles innbyggerportal" }).GetByRole(AriaRole.Button, new() { Name = "Gjør ideen til prosjekt" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));

        Assert.Empty(violations);
    }
}
