using System.Text;
using Microsoft.Playwright;
using Partnerskap.BrowserTests.Pages;
using Partnerskap.Testing;
using static Microsoft.Playwright.Assertions;

namespace Partnerskap.BrowserTests;

/// <summary>MEM-8, PUR-2, PUR-3, PUR-4, ORG-4: networks, external partners, events, news and the library in the browser. Axe on every page.</summary>
public class NetworksFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static FilePayload Text(string name, string text) => new() { Name = name, MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) };

    private async Task<IPage> OfficeAsync()
    {
        var page = await host.NewPageAsync();
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync(PartnerskapFactory.OfficeEmail, PartnerskapFactory.Password);
        return page;
    }

    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static async Task AssertFitsPhoneAsync(IPage page, string what)
    {
        await page.SetViewportSizeAsync(360, 740);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var culprits = overflow <= 0 ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().width)).join(' | ')");
        Assert.True(overflow <= 0, $"{what} is {overflow}px wider than a 360px screen: {culprits}");
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task MEM_8_PUR_2_office_creates_a_network_adds_people_a_meeting_and_an_external_partner_with_no_axe_violations()
    {
        var page = await OfficeAsync();
        var violations = new List<string>();

        // External partner first, so it can be linked and take part.
        await Nav(page, "Eksterne partnere").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Eksterne partnere", Level = 1 })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("KS Digitalisering");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("ks");
        await page.GetByLabel("Kontaktperson", new() { Exact = true }).FillAsync("Kari KS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Den eksterne partneren er registrert.")).ToBeVisibleAsync();

        await Nav(page, "Nettverk").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nettverk og arbeidsgrupper", Level = 1 })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett", Exact = true }).ClickAsync();
        await Expect(page.Locator("#name-error")).ToBeVisibleAsync(); // a network needs a name, shown next to the field
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Fagnettverk arkiv");
        await page.GetByLabel("Formål og mandat").FillAsync("Felles arkivpraksis i kommunene.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fagnettverk arkiv", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Fra", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Asker" });
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Kari Arkiv");
        await page.GetByLabel("E-post", new() { Exact = true }).FillAsync("kari@asker.kommune.no");
        await page.GetByLabel("Stilling eller rolle").FillAsync("arkivleder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til deltaker" }).ClickAsync();
        await Expect(page.GetByText("Deltakeren er lagt til.")).ToBeVisibleAsync();
        await page.GetByLabel("Fra", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "KS Digitalisering" });
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Kari KS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til deltaker" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "KS Digitalisering (ekstern partner)" })).ToBeVisibleAsync();

        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync("Oppstartsmøte");
        await page.GetByLabel("Dato", new() { Exact = true }).FillAsync("2026-11-25");
        await page.GetByLabel("Referat eller notater").FillAsync("Mandatet er gjennomgått.");
        await page.GetByLabel("Delt dokument (valgfritt)").SetInputFilesAsync(Text("referat.txt", "Referat"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Aktiviteten er registrert.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Delt dokument: referat.txt" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Deltakelse per medlem" }).GetByRole(AriaRole.Row, new() { Name = "Asker 1" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await AssertFitsPhoneAsync(page, "network page");

        // Link the partner to the network on the partners page.
        await Nav(page, "Eksterne partnere").ClickAsync();
        await page.Locator("#target").SelectOptionAsync(new SelectOptionValue { Label = "Nettverk: Fagnettverk arkiv" });
        await page.GetByLabel("Rolle (f.eks.").FillAsync("faglig rådgiver");
        await page.GetByRole(AriaRole.Button, new() { Name = "Knytt til" }).ClickAsync();
        await Expect(page.GetByText("Den eksterne partneren er knyttet til prosjektet eller nettverket.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Fagnettverk arkiv" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await AssertFitsPhoneAsync(page, "external partners page");

        Assert.Empty(violations);
    }

    [Fact]
    public async Task PUR_3_office_creates_a_course_fills_it_and_a_cancellation_moves_the_waiting_list_with_no_axe_violations()
    {
        var page = await OfficeAsync();
        var violations = new List<string>();
        await Nav(page, "Arrangementer").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Arrangementer og kurs", Level = 1 })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync("Kurs i tjenestedesign");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("course");
        await page.GetByLabel("Sted", new() { Exact = true }).FillAsync("Drammen");
        await page.GetByLabel("Antall plasser").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett arrangement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kurs i tjenestedesign", Level = 1 })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        async Task RegisterAsync(string member, string name, string email)
        {
            await page.GetByLabel("Medlem", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = member });
            await page.GetByLabel("Deltakerens navn").FillAsync(name);
            await page.GetByLabel("Deltakerens e-post").FillAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Meld på", Exact = true }).ClickAsync();
        }

        await RegisterAsync("Asker", "Kari Kurs", "kari@asker.kommune.no");
        await Expect(page.GetByText("Kari Kurs er påmeldt.")).ToBeVisibleAsync();
        await RegisterAsync("Bærum", "Per Kurs", "per@baerum.kommune.no");
        await Expect(page.GetByText("Arrangementet er fullt. Per Kurs står på venteliste.")).ToBeVisibleAsync();
        await RegisterAsync("Asker", "Kari igjen", "kari@asker.kommune.no");
        await Expect(page.Locator("#email-error")).ToBeVisibleAsync(); // one registration per address, next to the field
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Meld av Kari Kurs" }).ClickAsync();
        await Expect(page.GetByText("Påmeldingen er avmeldt. Per Kurs har fått plassen fra ventelisten.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer Per Kurs som til stede" }).ClickAsync();
        await Expect(page.GetByText("Oppmøtet er registrert.")).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await AssertFitsPhoneAsync(page, "event page");

        await Nav(page, "Arrangementer").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Kompetanseoversikt per medlem" }).GetByRole(AriaRole.Row, new() { Name = "Bærum 1 1 0" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await AssertFitsPhoneAsync(page, "events page");

        Assert.Empty(violations);
    }

    [Fact]
    public async Task PUR_4_ORG_4_office_publishes_news_and_a_new_statutes_version_keeping_the_old_with_no_axe_violations()
    {
        var page = await OfficeAsync();
        var violations = new List<string>();
        await Nav(page, "Nyheter").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nyheter", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Overskrift").FillAsync("Nye vedtekter vedtatt");
        await page.GetByLabel("Tekst", new() { Exact = true }).FillAsync("Årsmøtet vedtok nye vedtekter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiser", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Nyheten er publisert.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nye vedtekter vedtatt" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await AssertFitsPhoneAsync(page, "news page");

        await Nav(page, "Dokumentbibliotek").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dokumentbibliotek", Level = 1 })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("statutes");
        await page.GetByLabel("Tittel", new() { Exact = true }).FillAsync("Vedtekter for DigiViken");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(Text("vedtekter-2022.txt", "Vedtekter 2022"));
        await page.GetByLabel("Gjelder fra").FillAsync("2022-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiser dokument" }).ClickAsync();
        await Expect(page.Locator("#decisionRef-error")).ToBeVisibleAsync(); // ORG-4: the statutes need the decision
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(Text("vedtekter-2022.txt", "Vedtekter 2022"));
        await page.GetByLabel("Vedtak (påkrevd").FillAsync("Årsmøtet 2021, sak 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiser dokument" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vedtekter for DigiViken", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(Text("vedtekter-2026.txt", "Vedtekter 2026"));
        await page.GetByLabel("Vedtak (påkrevd").FillAsync("Årsmøtet 2026, sak 5");
        await page.GetByLabel("Hva er endret").FillAsync("Ny kvorumsregel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiser ny versjon" }).ClickAsync();
        await Expect(page.GetByText("Den nye versjonen er publisert. Tidligere versjoner er tatt vare på.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "vedtekter-2022.txt" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "2 (gjeldende)" })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await AssertFitsPhoneAsync(page, "library document page");

        await Nav(page, "Dokumentbibliotek").ClickAsync();
        await Expect(page.GetByText("Partneravtalen går foran vedtektene der de er i strid med hverandre (ORG-4).")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Versjon 2" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Document library", Level = 1 })).ToBeVisibleAsync();
        violations.AddRange(await BrowserHost.AxeViolationsAsync(page));
        await AssertFitsPhoneAsync(page, "library page");

        Assert.Empty(violations);
    }
}
