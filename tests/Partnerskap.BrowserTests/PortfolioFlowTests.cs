using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

        // The board prioritises the idea (a decision in the register); the office makes it a project carrying its data.
        var (_, prioritised, _) = await BoardAsync();
        card = office.Locator("section.idea").Filter(new() { HasText = "Felles innbyggerportal" });
        await card.GetByLabel("Programstyrets vedtak (nummer i vedtaksregisteret)").FillAsync(prioritised);
        await card.GetByRole(AriaRole.Button, new() { Name = "Gjør ideen til prosjekt" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Ideen er nå prosjektet «Felles innbyggerportal»");
        await office.GotoAsync("/digiviken/portfolio?q=Felles+innbyggerportal");
        await office.GetByRole(AriaRole.Link, new() { Name = "Felles innbyggerportal" }).First.ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Felles innbyggerportal");
        await Expect(office.GetByText("Én inngang for innbyggerne i alle kommunene.")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));

        Assert.Empty(violations);
    }

    /// <summary>A bearer-token client against the running server (the browser host listens on a real port).</summary>
    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = PartnerskapFactory.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task PUR_5_FIN_8_FIN_9_status_report_risk_document_ledger_import_and_benefits_on_the_pages_and_every_state_passes_axe()
    {
        // A project with Asker and Bærum, an approved plan of 100 000 (set up through the API).
        var (boardEmail, approval, _) = await BoardAsync();
        var api = await ApiAsync(PartnerskapFactory.OfficeEmail);
        var created = await api.PostAsJsonAsync("/api/partnerships/digiviken/projects", new
        {
            name = $"Felles arkivløsning {Guid.NewGuid():N}"[..28],
            kind = "project",
            ownerOrgnr = "920125298",
            participants = new[] { "920125298", "935478715" },
            projectManager = "Kari Nordmann",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/projects/{id}/financing-plans", new { sources = new[] { new { kind = "grant", description = "Skjønnsmidler", amount = 100_000m } } })).StatusCode);
        var board = await ApiAsync(boardEmail);
        Assert.Equal(HttpStatusCode.OK, (await board.PostAsJsonAsync($"/api/projects/{id}/financing-plans/1/approve", new { decisionRef = approval })).StatusCode);

        var violations = new List<string>();
        var office = await host.NewPageAsync(width: 360, height: 800);
        var login = new LoginPage(office);
        await login.OpenAsync();
        await login.LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        var projectUrl = $"/digiviken/portfolio/{id}";
        await office.GotoAsync(projectUrl);

        // Status report: a missing progress text is shown next to its field; then published, with its published date.
        await office.Locator("summary", new() { HasText = "Skriv statusrapport" }).ClickAsync();
        await office.GetByLabel("Rapporten gjelder per").FillAsync("2026-11-20");
        await office.GetByRole(AriaRole.Button, new() { Name = "Publiser statusrapporten" }).ClickAsync();
        await Expect(office.Locator("#report-progress-error")).ToContainTextAsync("fremdriften");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await office.GetByLabel("Rapporten gjelder per").FillAsync("2026-11-20");
        await office.GetByLabel("Gul: avvik som håndteres").CheckAsync();
        await office.GetByLabel("Fremdrift siden forrige rapport").FillAsync("Kravspesifikasjonen er ferdig; leverandørmøtet er utsatt.");
        await office.GetByLabel("Neste steg").FillAsync("Kunngjøre konkurransen.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Publiser statusrapporten" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Statusrapporten er publisert");
        await Expect(office.Locator("article.status-report").First).ToContainTextAsync("Samlet status: Gul");
        await Expect(office.Locator("article.status-report").First).ToContainTextAsync("Publisert 2026-11-25");

        // Risk: probability outside the list is refused next to its field; then registered and listed with its score.
        await office.Locator("summary", new() { HasText = "Registrer risiko" }).ClickAsync();
        await office.GetByLabel("Beskrivelse av risikoen").FillAsync("Ingen leverandører gir tilbud");
        await office.GetByRole(AriaRole.Button, new() { Name = "Registrer risikoen" }).ClickAsync();
        await Expect(office.Locator("#risk-probability-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await office.GetByLabel("Beskrivelse av risikoen").FillAsync("Ingen leverandører gir tilbud");
        await office.GetByLabel("Sannsynlighet (1 svært lav – 5 svært høy)").SelectOptionAsync("3");
        await office.GetByLabel("Konsekvens (1 ubetydelig – 5 kritisk)").SelectOptionAsync("5");
        await office.GetByLabel("Risikoeier").FillAsync("Kari Nordmann");
        await office.GetByRole(AriaRole.Button, new() { Name = "Registrer risikoen" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Risikoen er registrert");
        await Expect(office.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ingen leverandører gir tilbud" })).ToContainTextAsync("15");

        // Document: uploaded, listed, downloadable.
        await office.Locator("#document-title").FillAsync("Kravspesifikasjon");
        await office.Locator("#document-file").SetInputFilesAsync(new FilePayload { Name = "krav.txt", MimeType = "text/plain", Buffer = "Krav til arkivløsningen"u8.ToArray() });
        await office.GetByRole(AriaRole.Button, new() { Name = "Last opp dokumentet" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Dokumentet er lagret");
        await Expect(office.GetByRole(AriaRole.Link, new() { Name = "Kravspesifikasjon" })).ToBeVisibleAsync();
        var href = await office.GetByRole(AriaRole.Link, new() { Name = "Kravspesifikasjon" }).GetAttributeAsync("href");
        var download = await office.Context.APIRequest.GetAsync(host.BaseUrl.TrimEnd('/') + href);
        Assert.Equal("Krav til arkivløsningen", await download.TextAsync());
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await BrowserHost.ScreenshotAsync(office, "portfolio-project-follow-up");

        // Ledger import: each bad line is listed next to the file field, nothing recorded.
        await office.Locator("summary", new() { HasText = "Importer utgifter fra regnskapet (CSV)" }).ClickAsync();
        static FilePayload Csv(string text) => new() { Name = "hovedbok.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };
        await office.Locator("#import-file").SetInputFilesAsync(Csv("date;amount;description\n2026-11-01;-500;Kreditnota\n2026-13-01;200;Feil dato\n"));
        await office.GetByRole(AriaRole.Button, new() { Name = "Importer utgiftene" }).ClickAsync();
        await Expect(office.Locator("#import-problems")).ToContainTextAsync("Linje 2: «-500» er ikke et positivt beløp");
        await Expect(office.Locator("#import-problems")).ToContainTextAsync("Linje 3: «2026-13-01» er ikke en dato");
        await Expect(office.Locator("#import-file-error")).ToContainTextAsync("Ingen utgifter er registrert");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));

        // A good file: the imported rows are shown.
        await office.Locator("#import-file").SetInputFilesAsync(Csv("date;amount;description\n2026-11-01;60 000;Konsulentbistand\n2026-11-02;20000,50;Lisenser\n"));
        await office.GetByRole(AriaRole.Button, new() { Name = "Importer utgiftene" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("2 utgifter er importert");
        await Expect(office.Locator("#imported-caption")).ToContainTextAsync("Importert: 2 utgifter");
        await Expect(office.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lisenser" }).First).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));

        // FIN-9: a file that would go beyond the approved financing: refused, nothing recorded, escalated.
        await office.Locator("#import-file").SetInputFilesAsync(Csv("date,amount,description\n2026-11-20,30000,Utvikling\n"));
        await office.GetByRole(AriaRole.Button, new() { Name = "Importer utgiftene" }).ClickAsync();
        await Expect(office.Locator("#import-file-error")).ToContainTextAsync("Ingen av utgiftene i filen er registrert");
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "Eskalert til programstyret (FIN-9)" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await BrowserHost.ScreenshotAsync(office, "portfolio-import-refused");
        Assert.Equal(80_000.50m, (await api.GetFromJsonAsync<JsonElement>($"/api/projects/{id}")).GetProperty("spent").GetDecimal());

        // FIN-8: the office plans a benefit for Asker; the overview shows who has not reported.
        await office.GotoAsync($"{projectUrl}/benefits");
        await office.GetByRole(AriaRole.Button, new() { Name = "Planlegg gevinsten" }).ClickAsync();
        await Expect(office.Locator("#plan-ownerName-error")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));
        await office.GetByLabel("Deltakende medlem").SelectOptionAsync("920125298");
        await office.GetByLabel("Gevinsteier hos medlemmet").FillAsync("Kari Nordmann");
        await office.GetByLabel("Indikator (hvordan gevinsten måles)").FillAsync("Saksbehandlingstid for innsyn");
        await office.GetByLabel("Enhet (valgfritt, for eksempel dager)").FillAsync("dager");
        await office.GetByLabel("Utgangspunkt").FillAsync("30");
        await office.GetByLabel("Mål", new() { Exact = true }).FillAsync("10");
        await office.GetByRole(AriaRole.Button, new() { Name = "Planlegg gevinsten" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Gevinsten er planlagt");
        await Expect(office.GetByRole(AriaRole.Row).Filter(new() { HasText = "Asker" })).ToContainTextAsync("Ikke rapportert");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(office));

        // Asker's contact reports for its own member (a negative value is refused next to the field).
        var email = $"gevinst-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(email, Roles.MemberContact, "920125298");
        var member = await host.NewPageAsync(width: 360, height: 800);
        var memberLogin = new LoginPage(member);
        await memberLogin.OpenAsync();
        await memberLogin.LogInAsync(email, PartnerskapFactory.Password);
        await member.GotoAsync($"{projectUrl}/benefits");
        await member.GetByLabel("Målt verdi (dager)").FillAsync("-4");
        await member.GetByRole(AriaRole.Button, new() { Name = "Rapporter målingen" }).ClickAsync();
        await Expect(member.Locator("[id$='-value-error']").First).ToContainTextAsync("negativ");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(member));
        await member.GetByLabel("Målt verdi (dager)").FillAsync("20");
        await member.GetByRole(AriaRole.Button, new() { Name = "Rapporter målingen" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Målingen er rapportert");
        await Expect(member.GetByRole(AriaRole.Row).Filter(new() { HasText = "Asker" }).First).ToContainTextAsync("Rapportert");
        await Expect(member.Locator("article.benefit").First).ToContainTextAsync("50 %");
        violations.AddRange(await BrowserHost.AxeViolationsAsync(member));
        await BrowserHost.ScreenshotAsync(member, "portfolio-benefits");

        Assert.Empty(violations);
    }
}
