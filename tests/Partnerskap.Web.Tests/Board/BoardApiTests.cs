using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Partnerskap.Testing;
using Partnerskap.Web.Data;
using Partnerskap.Web.Tests.Infrastructure;

namespace Partnerskap.Web.Tests.Board;

/// <summary>The programme board (issue 6): recusal (DIS-3), decisions, quorum, minutes and the decision register (ORG-2).</summary>
public abstract class BoardApiTests(AppHost host)
{
    private const string P = "/api/partnerships/digiviken";
    private const string Asker = "920125298";
    private const string Baerum = "935478715";
    private PartnerskapFactory App => host.App;

    /// <summary>A board user with a member seat from 1 January 2026; returns (email, logged-in client).</summary>
    private async Task<(string Email, HttpClient Client)> SeatAsync(HttpClient office, string? orgnr = null, string role = "member")
    {
        var email = $"seat-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(email, Roles.Board, orgnr, $"Styremedlem {email[5..10]}");
        (await office.PostAsJsonAsync($"{P}/board", new { userEmail = email, role, from = "2026-01-01" })).EnsureSuccessStatusCode();
        return (email, await App.LoginAsync(email));
    }

    private static async Task<int> IdAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> NewCaseAsync(HttpClient office, object body) => office.PostAsJsonAsync($"{P}/cases", body);

    private static async Task<int> MeetingAsync(HttpClient office) =>
        await IdAsync(await office.PostAsJsonAsync($"{P}/meetings", new { kind = "board", title = "Styremøte desember", startsAt = "2026-12-03T09:00:00+01:00", location = "Drammen" }));

    [Fact]
    public async Task DIS_3_party_member_is_recused_automatically_cannot_decide_and_does_not_see_restricted_papers()
    {
        var office = await App.LoginAsOfficeAsync();
        var (askerEmail, asker) = await SeatAsync(office, Asker);
        var (_, other) = await SeatAsync(office);
        var caseId = await IdAsync(await NewCaseAsync(office, new
        {
            title = "Tvist om lisenskostnader",
            partyOrgnrs = new[] { Asker, Baerum },
            restricted = true,
            presentation = "Saksframlegg om fordeling av lisenskostnader.",
            proposedDecision = "Styret foreslår mekling.",
        }));
        var paperId = await IdAsync(await office.PostAsJsonAsync($"/api/cases/{caseId}/papers", new
        {
            title = "Brev fra Asker",
            fileName = "brev.txt",
            contentType = "text/plain",
            contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("Fortrolig brev")),
        }));

        var detail = await asker.GetJsonAsync($"/api/cases/{caseId}");
        Assert.True(detail.GetProperty("papersWithheld").GetBoolean());
        var recusal = detail.GetProperty("recusals").EnumerateArray().Single(r => r.GetProperty("userEmail").GetString() == askerEmail);
        Assert.True(recusal.GetProperty("automatic").GetBoolean());

        await (await asker.GetAsync($"/api/cases/{caseId}/papers")).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");
        await (await asker.GetAsync($"/api/cases/{caseId}/papers/{paperId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");
        var documentId = await App.WithDbAsync(db => Task.FromResult(db.Cases.SelectMany(c => c.Papers).Single(p => p.Id == paperId).DocumentId));
        await (await asker.GetAsync($"/api/documents/{documentId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");
        await (await asker.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Vedtak" })).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");

        var papers = await other.GetJsonAsync($"/api/cases/{caseId}/papers");
        Assert.Equal("Styret foreslår mekling.", papers.GetProperty("proposedDecision").GetString());
        Assert.Equal("Fortrolig brev", await other.GetStringAsync($"/api/cases/{caseId}/papers/{paperId}"));

        // A member contact does not read restricted papers either, but sees the case exists.
        var contact = $"contact-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(contact, Roles.MemberContact, Baerum);
        var contactClient = await App.LoginAsync(contact);
        await (await contactClient.GetAsync($"/api/cases/{caseId}/papers")).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");
        Assert.Equal(HttpStatusCode.OK, (await contactClient.GetAsync($"/api/cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task DIS_3_declared_conflict_is_decided_by_the_board_and_interests_suggest_recusals()
    {
        var office = await App.LoginAsOfficeAsync();
        var (memberEmail, member) = await SeatAsync(office);
        var (_, colleague) = await SeatAsync(office);
        (await office.PostAsJsonAsync($"{P}/interests", new { userEmail = memberEmail, organisation = "Bærum kommune", orgnr = Baerum, role = "Styremedlem i IKT-selskap" }))
            .EnsureSuccessStatusCode();
        var caseId = await IdAsync(await NewCaseAsync(office, new { title = "Felles anskaffelse", partyOrgnrs = new[] { Baerum }, restricted = true }));

        var detail = await office.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Contains(detail.GetProperty("suggestedRecusals").EnumerateArray(), s => s.GetProperty("userEmail").GetString() == memberEmail);

        var declared = await member.PostAsJsonAsync($"/api/cases/{caseId}/conflicts", new { reason = "Styremedlem i IKT-selskap" });
        var recusalId = await IdAsync(declared);
        await (await member.GetAsync($"/api/cases/{caseId}/papers")).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3"); // declared: recused until decided
        await (await member.PostAsJsonAsync($"/api/cases/{caseId}/recusals/{recusalId}/decision", new { upheld = false })).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");

        var decided = await colleague.PostAsJsonAsync($"/api/cases/{caseId}/recusals/{recusalId}/decision", new { upheld = false, decisionRef = "Styremøte 3. desember" });
        Assert.Equal("rejected", (await decided.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/cases/{caseId}/papers")).StatusCode);
        await (await office.PostAsJsonAsync($"/api/cases/{caseId}/recusals/{recusalId}/decision", new { upheld = true })).AssertProblemAsync(HttpStatusCode.Conflict, "DIS-3");
    }

    [Fact]
    public async Task ORG_2_meeting_decision_needs_a_quorum_and_approved_minutes_freeze_the_meeting()
    {
        var office = await App.LoginAsOfficeAsync();
        var (askerEmail, _) = await SeatAsync(office, Asker);
        var (leaderEmail, _) = await SeatAsync(office, role: "leader");
        var meetingId = await MeetingAsync(office);
        var caseId = await IdAsync(await NewCaseAsync(office, new { title = "Budsjett 2027", partyOrgnrs = new[] { Asker }, meetingId }));
        await IdAsync(await office.PostAsJsonAsync($"/api/cases/{caseId}/recusals", new { userEmail = leaderEmail, reason = "Søker stilling i sekretariatet" }));
        var recusalId = (await office.GetJsonAsync($"/api/cases/{caseId}")).GetProperty("recusals").EnumerateArray()
            .Single(r => r.GetProperty("userEmail").GetString() == leaderEmail).GetProperty("id").GetInt32();
        (await office.PostAsJsonAsync($"/api/cases/{caseId}/recusals/{recusalId}/decision", new { upheld = false })).EnsureSuccessStatusCode();

        // Nobody recorded present: not quorate.
        await (await office.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Budsjettet vedtas.", voteResult = "Enstemmig" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-2");
        var minutes = await office.GetJsonAsync($"/api/meetings/{meetingId}/minutes");
        var all = minutes.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("email").GetString()!).ToList();
        var line = minutes.GetProperty("cases").EnumerateArray().Single();
        var eligible = line.GetProperty("eligible").GetInt32();
        Assert.True(eligible >= 1);

        // Only the recused Asker member present: does not count towards the quorum (DIS-3).
        (await office.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance", new { present = new[] { askerEmail } })).EnsureSuccessStatusCode();
        await (await office.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Budsjettet vedtas." })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-2");

        (await office.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance", new { present = all })).EnsureSuccessStatusCode();
        var decided = await office.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Budsjettet vedtas.", voteResult = "Enstemmig", owner = "Programkontoret", dueOn = "2027-01-31" });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var decision = await decided.ReadJsonAsync();
        Assert.Equal("Enstemmig", decision.GetProperty("voteResult").GetString());
        Assert.Equal("Programkontoret", decision.GetProperty("owner").GetString());
        Assert.Equal(meetingId, decision.GetProperty("meetingId").GetInt32());

        minutes = await office.GetJsonAsync($"/api/meetings/{meetingId}/minutes");
        line = minutes.GetProperty("cases").EnumerateArray().Single();
        Assert.Equal(decision.GetProperty("number").GetString(), line.GetProperty("decisionNumber").GetString());
        var recusals = line.GetProperty("recusals").EnumerateArray().ToList();
        Assert.Contains(recusals, r => r.GetProperty("kind").GetString() == "automatic" && r.GetProperty("reason").GetString()!.Contains(Asker, StringComparison.Ordinal));
        Assert.Contains(recusals, r => r.GetProperty("kind").GetString() == "rejected" && r.GetProperty("reason").GetString() == "Søker stilling i sekretariatet");

        var pdf = await office.GetAsync($"/api/meetings/{meetingId}/minutes.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var folder = Path.Combine(AppContext.BaseDirectory, "board-samples");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"minutes-{App.Database}.pdf");
        await File.WriteAllBytesAsync(path, await pdf.Content.ReadAsByteArrayAsync());
        var text = PopplerTools.PdfToText(path);
        Assert.Contains("Protokoll: Styremøte desember", text, StringComparison.Ordinal);
        Assert.Contains("Habilitet (DIS-3)", text, StringComparison.Ordinal);
        Assert.Contains("Budsjettet vedtas.", text, StringComparison.Ordinal);
        PopplerTools.PdfToPng(path, Path.Combine(folder, $"minutes-{App.Database}"));

        (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/minutes/approval", new { approval = "Godkjent i styremøte 14. januar 2027" })).EnsureSuccessStatusCode();
        await (await office.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance", new { present = all })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-2");
        await (await NewCaseAsync(office, new { title = "For sent", meetingId })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-2");
        var approved = await office.GetJsonAsync($"/api/meetings/{meetingId}/minutes");
        Assert.Equal("Godkjent i styremøte 14. januar 2027", approved.GetProperty("approval").GetString());
    }

    [Fact]
    public async Task ORG_2_board_decisions_come_from_seat_holders_or_the_office_recording_a_meeting()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, seat) = await SeatAsync(office);
        var (_, observer) = await SeatAsync(office, role: "observer");
        var noSeat = $"noseat-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(noSeat, Roles.Board);
        var caseId = await IdAsync(await NewCaseAsync(office, new { title = "Godkjenne samarbeidsavtale" }));

        await (await office.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Godkjent." })).AssertProblemAsync(HttpStatusCode.Forbidden, "ORG-2");
        await (await observer.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Godkjent." })).AssertProblemAsync(HttpStatusCode.Forbidden, "ORG-2");
        // A board login with no seat (and no assignment) is tied to no partnership: it does not even see the case.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.LoginAsync(noSeat)).PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Godkjent." })).StatusCode);
        await (await seat.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, (await seat.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Godkjent." })).StatusCode);
        await (await seat.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Igjen." })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-2");
    }

    [Fact]
    public async Task ORG_2_closed_decision_cannot_be_edited_only_followed_by_a_new_decision()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, seat) = await SeatAsync(office);
        var first = await IdAsync(await NewCaseAsync(office, new { title = "Innføre felles saksbehandlingssystem" }));
        var decision = await (await seat.PostAsJsonAsync($"/api/cases/{first}/decision", new { text = "Systemet innføres." })).ReadJsonAsync();
        var id = decision.GetProperty("id").GetInt32();

        var progress = await office.PutAsJsonAsync($"/api/decisions/{id}/follow-up", new { owner = "Prosjektleder", dueOn = "2027-03-01", status = "in-progress" });
        Assert.Equal("in-progress", (await progress.ReadJsonAsync()).GetProperty("status").GetString());
        var closed = await (await office.PutAsJsonAsync($"/api/decisions/{id}/follow-up", new { owner = "Prosjektleder", status = "closed" })).ReadJsonAsync();
        Assert.Equal("2026-11-25", closed.GetProperty("closedOn").GetString());
        await (await office.PutAsJsonAsync($"/api/decisions/{id}/follow-up", new { owner = "Noen andre", status = "open" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-2");
        await (await seat.PutAsJsonAsync($"/api/decisions/{id}/follow-up", new { status = "open" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var second = await IdAsync(await NewCaseAsync(office, new { title = "Utvide innføringen" }));
        var follow = await (await seat.PostAsJsonAsync($"/api/cases/{second}/decision", new { text = "Innføringen utvides.", followsDecision = decision.GetProperty("number").GetString() })).ReadJsonAsync();
        Assert.Equal(id, follow.GetProperty("followsDecisionId").GetInt32());
        var register = await office.GetJsonAsync($"{P}/decisions");
        Assert.Contains(register.EnumerateArray(), d => d.GetProperty("number").GetString() == follow.GetProperty("number").GetString());
    }

    [Fact]
    public async Task ORG_2_decision_numbers_through_the_API_are_unique_under_concurrent_requests()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, seat) = await SeatAsync(office);
        var ids = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await IdAsync(await NewCaseAsync(office, new { title = $"Parallell sak {i}" })));
        }

        var responses = await Task.WhenAll(ids.Select(id => seat.PostAsJsonAsync($"/api/cases/{id}/decision", new { text = "Vedtatt." })));
        var numbers = new List<string>();
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
            numbers.Add((await r.ReadJsonAsync()).GetProperty("number").GetString()!);
        }

        Assert.Equal(8, numbers.Distinct().Count());
        var sequences = numbers.Select(n => int.Parse(n.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 8), sequences); // consecutive: no gaps
    }

    [Fact]
    public async Task ORG_2_written_procedure_records_each_seat_holders_answer()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, a) = await SeatAsync(office);
        var (_, recused) = await SeatAsync(office, Asker);
        var caseId = await IdAsync(await NewCaseAsync(office, new { title = "Høringssvar om digital samhandling", kind = "written-procedure", partyOrgnrs = new[] { Asker } }));

        Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync($"/api/cases/{caseId}/answers", new { choice = "for", comment = "Godt svar" })).StatusCode);
        await (await a.PostAsJsonAsync($"/api/cases/{caseId}/answers", new { choice = "against" })).AssertProblemAsync(HttpStatusCode.Conflict, "ORG-2");
        await (await recused.PostAsJsonAsync($"/api/cases/{caseId}/answers", new { choice = "for" })).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");

        var detail = await office.GetJsonAsync($"/api/cases/{caseId}");
        var eligible = detail.GetProperty("eligibleVoters").GetInt32();
        var response = await office.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Høringssvaret sendes." });
        if (eligible >= 2)
        {
            await response.AssertProblemAsync(HttpStatusCode.Conflict, "ORG-2"); // 1 answer of ≥ 2 eligible: not enough
        }
        else
        {
            var decision = await response.ReadJsonAsync();
            Assert.StartsWith("Skriftlig behandling: 1 for", decision.GetProperty("voteResult").GetString(), StringComparison.Ordinal);
        }

        Assert.Single(detail.GetProperty("answers").EnumerateArray());
    }

    [Fact]
    public async Task ORG_2_notice_goes_to_the_seat_holders_with_the_agenda_and_seats_end()
    {
        var office = await App.LoginAsOfficeAsync();
        var (email, _) = await SeatAsync(office);
        var meetingId = await MeetingAsync(office);
        await IdAsync(await NewCaseAsync(office, new { title = "Orienteringssak om årshjul", meetingId }));
        var before = App.SentMail().Count;
        var notice = await (await office.PostAsJsonAsync($"/api/meetings/{meetingId}/notice", new { })).ReadJsonAsync();
        Assert.True(notice.GetProperty("recipients").GetInt32() >= 1);
        var mail = App.SentMail().Select(File.ReadAllText).Where(m => m.Contains("Orienteringssak", StringComparison.Ordinal)).ToList();
        Assert.True(App.SentMail().Count > before);
        Assert.Contains(mail, m => m.Contains(email, StringComparison.Ordinal));

        var seats = await office.GetJsonAsync($"{P}/board");
        var seatId = seats.EnumerateArray().Single(s => s.GetProperty("userEmail").GetString() == email).GetProperty("id").GetInt32();
        var ended = await (await office.PostAsJsonAsync($"{P}/board/{seatId}/end", new { to = "2026-12-31" })).ReadJsonAsync();
        Assert.Equal("2026-12-31", ended.GetProperty("to").GetString());
        await (await office.PostAsJsonAsync($"{P}/board/{seatId}/end", new { to = "2025-01-01" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DIS_2_escalated_dispute_recuses_the_parties_board_members_and_mediation_is_a_board_decision()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, askerSeat) = await SeatAsync(office, Asker);
        var (_, neutral) = await SeatAsync(office);
        var contactEmail = $"asker-contact-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(contactEmail, Roles.MemberContact, Asker, "Asker kontakt");
        var contact = await App.LoginAsync(contactEmail);

        var created = await contact.PostAsJsonAsync($"{P}/disputes", new { subject = "Fordeling av lisenskostnader", partyOrgnrs = new[] { Asker, Baerum } });
        var disputeId = await IdAsync(created);
        await (await contact.PostAsJsonAsync($"{P}/disputes", new { subject = "Ikke vår", partyOrgnrs = new[] { Baerum, "920123899" } })).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-1");
        await (await neutral.GetAsync($"/api/disputes/{disputeId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-1"); // confidential, even for the board
        Assert.Empty((await neutral.GetJsonAsync($"{P}/disputes")).EnumerateArray());

        await (await contact.PostAsJsonAsync($"/api/disputes/{disputeId}/escalation", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "DIS-1");
        Assert.Equal(HttpStatusCode.Created, (await contact.PostAsJsonAsync($"/api/disputes/{disputeId}/entries", new { text = "Møte mellom partene 1. november, ingen enighet." })).StatusCode);
        var escalated = await contact.PostAsJsonAsync($"/api/disputes/{disputeId}/escalation", new { presentation = "Partene er uenige om fordelingsnøkkelen." });
        var boardCase = await escalated.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, escalated.StatusCode);
        Assert.True(boardCase.GetProperty("restricted").GetBoolean());
        var caseId = boardCase.GetProperty("id").GetInt32();

        await (await askerSeat.GetAsync($"/api/cases/{caseId}/papers")).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");
        await (await askerSeat.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Mekling." })).AssertProblemAsync(HttpStatusCode.Forbidden, "DIS-3");
        var decision = await (await neutral.PostAsJsonAsync($"/api/cases/{caseId}/decision", new { text = "Styret foreslår mekling ved ekstern mekler." })).ReadJsonAsync();

        var dispute = await contact.GetJsonAsync($"/api/disputes/{disputeId}");
        Assert.Equal("mediation-proposed", dispute.GetProperty("status").GetString());
        Assert.Equal(decision.GetProperty("number").GetString(), dispute.GetProperty("mediationDecision").GetString());
        await (await contact.PostAsJsonAsync($"/api/disputes/{disputeId}/outcome", new { outcome = "Enighet" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var resolved = await (await office.PostAsJsonAsync($"/api/disputes/{disputeId}/outcome", new { outcome = "Partene godtok meklingen; kostnadene deles likt." })).ReadJsonAsync();
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Single(resolved.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Year_wheel_feed_is_RFC_5545_text_calendar_readable_without_login_and_carries_the_30_June_deadline()
    {
        var office = await App.LoginAsOfficeAsync();
        await IdAsync(await office.PostAsJsonAsync($"{P}/meetings", new { kind = "annual", title = "Årsmøte 2026", startsAt = "2026-12-10T10:00:00+01:00", location = "Drammen, rådhuset" }));
        var anonymous = App.CreateClient();
        var response = await anonymous.GetAsync($"{P}/year-wheel.ics?year=2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("VERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("PRODID:", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20260630\r\n", ics, StringComparison.Ordinal); // MEM-3
        Assert.Contains("DTSTART;VALUE=DATE:20261231\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261210T090000Z\r\n", ics, StringComparison.Ordinal); // the annual meeting, in UTC
        Assert.Contains("LOCATION:Drammen\\, rådhuset", ics, StringComparison.Ordinal); // RFC 5545 escapes commas
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"line over 75 octets: {line}"));
        Assert.Equal(ics.Split("BEGIN:VEVENT").Length - 1, ics.Split("END:VEVENT").Length - 1);
        Assert.Contains("UID:", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Tvist", ics, StringComparison.Ordinal); // no cases or disputes in the public feed

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/partnerships/no-such/year-wheel.ics")).StatusCode);
    }

    [Fact]
    public async Task DIS_3_minutes_withhold_a_restricted_case_decision_from_those_who_may_not_read_the_case()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, asker) = await SeatAsync(office, Asker); // Asker is a party: recused
        var (_, other) = await SeatAsync(office);
        var meetingId = await MeetingAsync(office);
        var caseId = await IdAsync(await NewCaseAsync(office, new { title = "Fortrolig lisenstvist", meetingId, partyOrgnrs = new[] { Asker }, restricted = true }));
        const string text = "Styret gir Asker medhold i den fortrolige lisenstvisten.";
        await App.WithDbAsync(async db =>
        {
            var partnershipId = db.Partnerships.Single(p => p.Slug == "digiviken").Id;
            db.Decisions.Add(new Partnerskap.Domain.Decisions.Decision(partnershipId, Partnerskap.Domain.Decisions.DecisionBody.Board, 2026, 800 + (caseId % 100),
                new DateOnly(2026, 12, 3), "Fortrolig lisenstvist", text, caseId, meetingId));
            return await db.SaveChangesAsync();
        });
        var contactEmail = $"contact-{Guid.NewGuid():N}@test.local";
        await App.CreateUserAsync(contactEmail, Roles.MemberContact, Baerum);
        var contact = await App.LoginAsync(contactEmail);

        var folder = Path.Combine(AppContext.BaseDirectory, "board-samples");
        Directory.CreateDirectory(folder);
        foreach (var (name, client, reads) in new[] { ("office", office, true), ("seat", other, true), ("recused", asker, false), ("contact", contact, false) })
        {
            var minutes = await client.GetJsonAsync($"/api/meetings/{meetingId}/minutes");
            var line = minutes.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == caseId);
            Assert.Equal(reads ? text : "Unntatt offentlighet (begrenset sak).", line.GetProperty("decisionText").GetString());
            Assert.Equal(!reads, line.GetProperty("decisionWithheld").GetBoolean());

            var pdf = Path.Combine(folder, $"minutes-{name}-{App.Database}.pdf");
            await File.WriteAllBytesAsync(pdf, await client.GetByteArrayAsync($"/api/meetings/{meetingId}/minutes.pdf"));
            Assert.Equal(reads, PopplerTools.PdfToText(pdf).Contains("medhold", StringComparison.Ordinal));

            var page = await client.GetAsync($"/digiviken/board/meetings/{meetingId}/minutes");
            if (page.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(reads, (await page.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal));
            }
            else
            {
                Assert.False(reads, $"{name}: {(int)page.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task DIS_3_meeting_book_leaves_out_restricted_papers_for_the_recused_reader()
    {
        var office = await App.LoginAsOfficeAsync();
        var (_, asker) = await SeatAsync(office, Asker);
        var (_, other) = await SeatAsync(office);
        var meetingId = await MeetingAsync(office);
        await IdAsync(await NewCaseAsync(office, new
        {
            title = "Lisenskostnader",
            meetingId,
            partyOrgnrs = new[] { Asker },
            restricted = true,
            presentation = "Fortrolig saksframlegg om Askers lisenser.",
            proposedDecision = "Styret foreslår mekling.",
        }));
        await IdAsync(await NewCaseAsync(office, new { title = "Årshjul 2027", meetingId, presentation = "Forslag til møteplan." }));

        var folder = Path.Combine(AppContext.BaseDirectory, "board-samples");
        Directory.CreateDirectory(folder);
        async Task<string> BookAsync(HttpClient client, string name)
        {
            var response = await client.GetAsync($"/api/meetings/{meetingId}/book.pdf");
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var path = Path.Combine(folder, $"book-{name}-{App.Database}.pdf");
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
            return path;
        }

        var recusedPath = await BookAsync(asker, "recused");
        var recused = PopplerTools.PdfToText(recusedPath);
        Assert.DoesNotContain("Fortrolig saksframlegg", recused, StringComparison.Ordinal);
        Assert.Contains("(DIS-3)", recused, StringComparison.Ordinal);
        Assert.Contains("Forslag til møteplan.", recused, StringComparison.Ordinal);
        PopplerTools.PdfToPng(recusedPath, Path.Combine(folder, $"book-recused-{App.Database}"));
        Assert.Contains("Fortrolig saksframlegg", PopplerTools.PdfToText(await BookAsync(other, "member")), StringComparison.Ordinal);
    }
}

public sealed class BoardApiTestsOnSqlite(SqliteHost host) : BoardApiTests(host), IClassFixture<SqliteHost>;

public sealed class BoardApiTestsOnPostgres(PostgresHost host) : BoardApiTests(host), IClassFixture<PostgresHost>;
