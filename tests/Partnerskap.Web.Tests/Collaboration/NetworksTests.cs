using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Collaboration;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Collaboration;

/// <summary>MEM-8, PUR-2, PUR-3, PUR-4, ORG-4: networks, events, news and the library, external partners, through the API on SQLite and PostgreSQL.</summary>
public abstract class NetworksTests(AppHost host)
{
    private PartnerskapFactory App => host.App;

    private const string P = "/api/partnerships/digiviken";
    private const string Asker = "920125298";
    private const string Baerum = "935478715";

    private async Task<HttpClient> MemberContactAsync(string orgnr = Asker)
    {
        var email = $"net-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.MemberContact, orgnr);
        return await App.LoginAsync(email);
    }

    private static object File(string text, string name = "dokument.txt") =>
        new { fileName = name, contentType = "text/plain", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) };

    private static async Task<int> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    private static Task<int> NewEventAsync(HttpClient office, int capacity) =>
        office.PostAsJsonAsync($"{P}/events", new
        {
            title = $"Kurs i gevinstrealisering {Guid.NewGuid():N}",
            kind = "course",
            startsAt = "2026-12-10T08:00:00Z",
            place = "Drammen",
            capacity,
            registrationDeadline = "2026-12-05",
        }).ContinueWith(t => CreatedIdAsync(t.Result)).Unwrap();

    [Fact]
    public async Task MEM_8_members_people_join_a_network_participation_per_member_is_visible_and_emails_only_to_their_own()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await CreatedIdAsync(await office.PostAsJsonAsync($"{P}/networks", new { name = $"Fagnettverk arkiv {Guid.NewGuid():N}", kind = "network", purpose = "Felles arkivpraksis" }));
        var asker = await MemberContactAsync();

        // A member contact adds its own people, not another member's; the office adds anyone.
        Assert.Equal(HttpStatusCode.Created, (await asker.PostAsJsonAsync($"/api/networks/{id}/participants", new { orgnr = Asker, name = "Kari Arkiv", email = "kari@asker.kommune.no", title = "arkivleder" })).StatusCode);
        await (await asker.PostAsJsonAsync($"/api/networks/{id}/participants", new { orgnr = Baerum, name = "Per", email = "per@baerum.kommune.no" })).AssertProblemAsync(HttpStatusCode.Forbidden, "MEM-8");
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/networks/{id}/participants", new { orgnr = Baerum, name = "Per Bærum", email = "per@baerum.kommune.no" })).StatusCode);
        await (await office.PostAsJsonAsync($"/api/networks/{id}/participants", new { orgnr = Baerum, name = "Per igjen", email = "PER@baerum.kommune.no" })).AssertProblemAsync(HttpStatusCode.Conflict, "MEM-8");

        // Meetings with a shared document: the office records them; members read the document.
        await (await asker.PostAsJsonAsync($"/api/networks/{id}/activities", new { title = "x", on = "2026-11-25" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var withActivity = await (await office.PostAsJsonAsync($"/api/networks/{id}/activities",
            new { title = "Oppstartsmøte", kind = "meeting", on = "2026-11-25", notes = "Mandat gjennomgått.", document = File("Referat fra oppstartsmøtet") })).ReadJsonAsync();
        var activity = withActivity.GetProperty("activities")[0];
        Assert.Equal("Referat fra oppstartsmøtet", await asker.GetStringAsync($"/api/networks/{id}/activities/{activity.GetProperty("id").GetInt32()}/document"));

        var seen = await asker.GetJsonAsync($"/api/networks/{id}");
        var people = seen.GetProperty("participants").EnumerateArray().ToDictionary(x => x.GetProperty("name").GetString()!);
        Assert.Equal("kari@asker.kommune.no", people["Kari Arkiv"].GetProperty("email").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, people["Per Bærum"].GetProperty("email").ValueKind); // personal data: not for Asker
        var perMember = seen.GetProperty("participationByMember").EnumerateArray().ToDictionary(x => x.GetProperty("orgnr").GetString()!, x => x.GetProperty("participants").GetInt32());
        Assert.Equal(1, perMember[Asker]);
        Assert.Equal(1, perMember[Baerum]);

        // Asker takes its person off again; the list keeps the history.
        var kari = people["Kari Arkiv"].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await asker.PostAsync($"/api/networks/{id}/participants/{kari}/end", null)).StatusCode);
        var after = await office.GetJsonAsync($"/api/networks/{id}");
        Assert.Equal(2, after.GetProperty("participants").GetArrayLength());
        Assert.DoesNotContain(after.GetProperty("participationByMember").EnumerateArray(), x => x.GetProperty("orgnr").GetString() == Asker);
    }

    [Fact]
    public async Task PUR_3_parallel_registrations_never_exceed_the_capacity_and_the_rest_wait_in_line()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await NewEventAsync(office, capacity: 5);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.LoginAsOfficeAsync()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            clients[i % clients.Length].PostAsJsonAsync($"/api/events/{id}/registrations", new { orgnr = i % 2 == 0 ? Asker : Baerum, name = $"Deltaker {i}", email = $"deltaker{i}@kommune.no" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var statuses = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).GetProperty("status").GetString()));
        Assert.Equal(5, statuses.Count(s => s == "confirmed"));
        Assert.Equal(19, statuses.Count(s => s == "waiting"));
        Assert.Equal(5, await App.CountAsync(db => db.EventRegistrations.Where(r => r.EventId == id && r.Status == RegistrationStatus.Confirmed)));

        // Parallel cancellations of the confirmed: each freed place goes to exactly one in line, in order.
        var e = await office.GetJsonAsync($"/api/events/{id}");
        var confirmed = e.GetProperty("registrations").EnumerateArray().Where(r => r.GetProperty("status").GetString() == "confirmed").Select(r => r.GetProperty("id").GetInt32()).ToList();
        var cancelled = await Task.WhenAll(confirmed.Take(3).Select((rid, i) => clients[i % clients.Length].PostAsync($"/api/events/{id}/registrations/{rid}/cancel", null)));
        Assert.All(cancelled, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var promoted = await Task.WhenAll(cancelled.Select(async r => (await r.ReadJsonAsync()).GetProperty("promotedId").GetInt32()));
        Assert.Equal(3, promoted.Distinct().Count());
        var now = await office.GetJsonAsync($"/api/events/{id}");
        Assert.Equal((5, 16, 0), (now.GetProperty("confirmed").GetInt32(), now.GetProperty("waiting").GetInt32(), now.GetProperty("freePlaces").GetInt32()));
    }

    [Fact]
    public async Task PUR_3_member_contacts_register_and_cancel_their_own_people_and_the_competence_overview_counts_attendance()
    {
        var office = await App.LoginAsOfficeAsync();
        var id = await NewEventAsync(office, capacity: 10);
        var asker = await MemberContactAsync();
        await (await office.PostAsJsonAsync($"{P}/events", new { title = "Uten nettverk", startsAt = "2026-12-10T08:00:00Z", capacity = 5, networkId = 999999 })).AssertProblemAsync(HttpStatusCode.BadRequest, "PUR-3");
        await (await office.PostAsJsonAsync($"{P}/events", new { title = "Fortid", startsAt = "2026-11-01T08:00:00Z", capacity = 5 })).AssertProblemAsync(HttpStatusCode.BadRequest, "PUR-3");

        var own = await CreatedIdAsync(await asker.PostAsJsonAsync($"/api/events/{id}/registrations", new { name = "Kari Kurs", email = $"kari-{id}@asker.kommune.no" }));
        await (await asker.PostAsJsonAsync($"/api/events/{id}/registrations", new { orgnr = Baerum, name = "Per", email = "per@x.no" })).AssertProblemAsync(HttpStatusCode.Forbidden, "PUR-3");
        await (await asker.PostAsJsonAsync($"/api/events/{id}/registrations", new { name = "Kari igjen", email = $"KARI-{id}@asker.kommune.no" })).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-3");
        var other = await CreatedIdAsync(await office.PostAsJsonAsync($"/api/events/{id}/registrations", new { orgnr = Baerum, name = "Per Kurs", email = $"per-{id}@baerum.kommune.no" }));
        await (await asker.PostAsync($"/api/events/{id}/registrations/{other}/cancel", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "PUR-3");

        // The participant list: Asker sees its own registration only; the office sees everyone.
        var seen = await asker.GetJsonAsync($"/api/events/{id}");
        Assert.Equal([own], seen.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(2, (await office.GetJsonAsync($"/api/events/{id}")).GetProperty("registrations").GetArrayLength());

        await (await asker.PutAsJsonAsync($"/api/events/{id}/attendance", new { attended = new[] { own } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/events/{id}/attendance", new { attended = new[] { own }, absent = new[] { other } })).StatusCode);
        var competence = await asker.GetJsonAsync($"{P}/competence?year=2026");
        var line = Assert.Single(competence.EnumerateArray());
        Assert.Equal(Asker, line.GetProperty("orgnr").GetString());
        Assert.True(line.GetProperty("attended").GetInt32() >= 1);

        Assert.Equal(HttpStatusCode.OK, (await asker.PostAsync($"/api/events/{id}/registrations/{own}/cancel", null)).StatusCode);
        await (await asker.PostAsync($"/api/events/{id}/registrations/{own}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-3");
    }

    [Fact]
    public async Task PUR_4_ORG_4_a_new_statutes_version_keeps_the_old_one_the_current_is_shown_and_both_are_filed()
    {
        var office = await App.LoginAsOfficeAsync();
        var asker = await MemberContactAsync();
        await (await office.PostAsJsonAsync($"{P}/library", new { kind = "statutes", title = "Vedtekter uten vedtak", file = File("§ 1") })).AssertProblemAsync(HttpStatusCode.BadRequest, "ORG-4");

        var id = await CreatedIdAsync(await office.PostAsJsonAsync($"{P}/library", new
        {
            kind = "statutes",
            title = $"Vedtekter for DigiViken {Guid.NewGuid():N}",
            file = File("Vedtekter versjon 1", "vedtekter-2022.txt"),
            validFrom = "2022-01-01",
            decisionRef = "Årsmøtet 2021, sak 3",
        }));
        var v2 = await (await office.PostAsJsonAsync($"/api/library/{id}/versions", new { file = File("Vedtekter versjon 2", "vedtekter-2026.txt"), validFrom = "2026-11-01", decisionRef = "Årsmøtet 2026, sak 5", changeNote = "Ny kvorumsregel" })).ReadJsonAsync();
        await (await office.PostAsJsonAsync($"/api/library/{id}/versions", new { file = File("Bakover i tid"), validFrom = "2025-01-01", decisionRef = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest, "ORG-4");
        await (await asker.PostAsJsonAsync($"/api/library/{id}/versions", new { file = File("x"), decisionRef = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(2, v2.GetProperty("current").GetProperty("number").GetInt32());
        Assert.Equal(2, v2.GetProperty("versions").GetArrayLength());
        var listed = (await asker.GetJsonAsync($"{P}/library")).EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == id);
        Assert.Equal("Årsmøtet 2026, sak 5", listed.GetProperty("current").GetProperty("decisionRef").GetString());
        Assert.Equal("Vedtekter versjon 1", await asker.GetStringAsync($"/api/library/{id}/versions/1/file")); // the old version is kept
        Assert.Equal("Vedtekter versjon 2", await asker.GetStringAsync($"/api/library/{id}/versions/2/file"));

        var filed = (await office.GetJsonAsync($"{P}/records")).EnumerateArray().Single(c => c.GetProperty("key").GetString() == $"library:{id}");
        Assert.Equal(2, filed.GetProperty("entries").GetArrayLength());

        // Templates need no decision; news goes to the members.
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{P}/library", new { kind = "template", title = "Mal for oppsigelsesbrev", file = File("Til DigiViken ...") })).StatusCode);
        await (await asker.PostAsJsonAsync($"{P}/news", new { title = "x", body = "y" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await office.PostAsJsonAsync($"{P}/news", new { title = "Uten tekst", body = " " })).AssertProblemAsync(HttpStatusCode.BadRequest, "PUR-4");
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{P}/news", new { title = "Nye vedtekter", body = "Årsmøtet har vedtatt nye vedtekter." })).StatusCode);
        Assert.Contains((await asker.GetJsonAsync($"{P}/news")).EnumerateArray(), n => n.GetProperty("title").GetString() == "Nye vedtekter");
    }

    [Fact]
    public async Task PUR_2_external_partners_are_not_members_and_take_part_in_projects_and_networks()
    {
        var office = await App.LoginAsOfficeAsync();
        await (await office.PostAsJsonAsync($"{P}/external-partners", new { name = "Asker som partner", kind = "other", orgnr = Asker })).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-2");
        var partnerName = $"Digitaliseringsdirektoratet {Guid.NewGuid():N}";
        var partner = await CreatedIdAsync(await office.PostAsJsonAsync($"{P}/external-partners", new { name = partnerName, kind = "state", contactName = "Liv Stat", contactEmail = "liv@digdir.no" }));

        var network = await CreatedIdAsync(await office.PostAsJsonAsync($"{P}/networks", new { name = $"Nasjonalt nettverk {Guid.NewGuid():N}" }));
        var project = await CreatedIdAsync(await office.PostAsJsonAsync($"{P}/projects", new { name = $"Prosjekt {Guid.NewGuid():N}", kind = "project", ownerOrgnr = Asker, participants = new[] { Asker } }));
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/external-partners/{partner}/links", new { networkId = network, role = "faglig rådgiver" })).StatusCode);
        var linked = await (await office.PostAsJsonAsync($"/api/external-partners/{partner}/links", new { projectId = project, role = "referansegruppe" })).ReadJsonAsync();
        Assert.Equal(["network", "project"], linked.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("kind").GetString()).Order());
        await (await office.PostAsJsonAsync($"/api/external-partners/{partner}/links", new { projectId = project })).AssertProblemAsync(HttpStatusCode.Conflict, "PUR-2");

        // The partner's person joins the network; only the office adds external people.
        var asker = await MemberContactAsync();
        await (await asker.PostAsJsonAsync($"/api/networks/{network}/participants", new { externalPartnerId = partner, name = "Liv Stat" })).AssertProblemAsync(HttpStatusCode.Forbidden, "PUR-2");
        var dto = await (await office.PostAsJsonAsync($"/api/networks/{network}/participants", new { externalPartnerId = partner, name = "Liv Stat", email = "liv@digdir.no" })).ReadJsonAsync();
        var liv = Assert.Single(dto.GetProperty("participants").EnumerateArray());
        Assert.True(liv.GetProperty("external").GetBoolean());
        Assert.Equal(partnerName, liv.GetProperty("organisation").GetString());
        Assert.Empty(dto.GetProperty("participationByMember").EnumerateArray());

        // Members see the partner, not its contact's e-mail.
        var seen = (await asker.GetJsonAsync($"{P}/external-partners")).EnumerateArray().Single(x => x.GetProperty("id").GetInt32() == partner);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("contactEmail").ValueKind);
    }

    [Fact]
    public async Task PUR_4_ORG_4_the_agreement_and_the_templates_are_in_the_library_from_the_first_start()
    {
        var asker = await MemberContactAsync();
        var library = (await asker.GetJsonAsync($"{P}/library")).EnumerateArray().ToList();
        var agreement = library.Single(d => d.GetProperty("kind").GetString() == "agreement" && d.GetProperty("title").GetString() == "Partneravtale – DigiViken");
        Assert.Equal("2022-01-01", agreement.GetProperty("current").GetProperty("validFrom").GetString());
        Assert.Contains("Ved motstrid gjelder partneravtalen foran vedtektene", await asker.GetStringAsync(agreement.GetProperty("current").GetProperty("url").GetString()));
        var templates = library.Where(d => d.GetProperty("kind").GetString() == "template").Select(d => d.GetProperty("title").GetString()).ToList();
        Assert.Contains("Mal: oppsigelse av medlemskap", templates);
        Assert.Contains("Mal: fullmakt til årsmøtet", templates);
        Assert.Contains("Mal: saksframlegg til programstyret", templates);
    }

    [Fact]
    public async Task MEM_2_founding_members_have_their_joining_filed_in_a_membership_case()
    {
        var office = await App.LoginAsOfficeAsync();
        var cases = (await office.GetJsonAsync($"{P}/records")).EnumerateArray().ToList();
        var askerCase = cases.Single(c => c.GetProperty("key").GetString() == $"member:{Asker}");
        var entry = askerCase.GetProperty("entries")[0];
        Assert.Contains("stiftende medlem", entry.GetProperty("title").GetString());
        Assert.Equal("2022-01-01", entry.GetProperty("journalDate").GetString());
        var seeded = await App.WithDbAsync(db => db.Members.CountAsync(m => m.PartnershipId == 1 && m.JoinedOn <= new DateOnly(2022, 1, 1)));
        Assert.True(cases.Count(c => c.GetProperty("key").GetString()!.StartsWith("member:", StringComparison.Ordinal)) >= seeded);
    }

    [Fact]
    public async Task MEM_8_PUR_3_another_partnerships_member_contact_sees_no_network_event_or_library_document()
    {
        var office = await App.LoginAsOfficeAsync();
        var network = await CreatedIdAsync(await office.PostAsJsonAsync($"{P}/networks", new { name = $"Skjult nettverk {Guid.NewGuid():N}" }));
        var e = await NewEventAsync(office, 3);
        var slug = $"net-{Guid.NewGuid():N}"[..20];
        await office.PostAsJsonAsync("/api/partnerships", new { slug, name = "Annet partnerskap", agreementInForceFrom = "2022-01-01" });
        var orgnr = TestData.NextOrgnr();
        await office.PostAsJsonAsync($"/api/partnerships/{slug}/members", new { orgnr, name = "Fremmed organisasjon", kind = "other", joinedOn = "2022-01-01" });
        var stranger = await MemberContactAsync(orgnr);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/networks/{network}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/networks/{network}/participants", new { orgnr, name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/events/{e}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/events/{e}/registrations", new { orgnr, name = "X", email = "x@y.no" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"{P}/networks")).StatusCode);
    }
}

public sealed class NetworksTestsOnSqlite(SqliteHost host) : NetworksTests(host), IClassFixture<SqliteHost>;

public sealed class NetworksTestsOnPostgres(PostgresHost host) : NetworksTests(host), IClassFixture<PostgresHost>;
