using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Partnerskap.Testing;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Tests.Features;

/// <summary>
/// Who may use what: every endpoint and page the app maps is listed here with its audience, and each audience is
/// tried against each entry. A new endpoint fails the first test until it is added to the table.
/// </summary>
public class AuthorizationMatrixTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    /// <summary>
    /// One login per audience for the whole matrix (the class's host is shared by its tests): creating a user and
    /// logging in per case cost more than the request under test. Each audience's login is created on first use.
    /// </summary>
    private static readonly ConcurrentDictionary<(SqliteHost Host, string Audience), Task<HttpClient[]>> Logins = new();

    private async Task<HttpClient> OnceAsync(string audience, Func<Task<HttpClient>> login) =>
        (await Logins.GetOrAdd((host, audience), async _ => [await login()]))[0];

    /// <summary>Who an endpoint is for. Each audience includes the office (ORG-3).</summary>
    public enum Audience
    {
        /// <summary>Everyone, without logging in.</summary>
        Anonymous,

        /// <summary>Every login that may read the partnership (its members' contacts, its board, the office).</summary>
        LoggedIn,

        /// <summary>The member's own contacts (the matrix's URLs name Asker, 920125298) and the office: another member's contact and the board get 403.</summary>
        Member,

        /// <summary>The board and the office: member contacts get 403.</summary>
        Board,

        /// <summary>The office only.</summary>
        Office,
    }

    /// <summary>Contact A acts for Asker; contact B for another DigiViken member (Bærum).</summary>
    private const string OrgnrA = "920125298";
    private const string OrgnrB = "959159092";

    /// <summary>(method, route pattern) → audience, and a concrete URL to try.</summary>
    private static readonly (string Method, string Pattern, Audience Audience, string Url)[] Matrix =
    [
        ("GET", "/health", Audience.Anonymous, "/health"),
        ("GET", "/openapi/{documentName}.json", Audience.Anonymous, "/openapi/v1.json"),
        ("GET", "/scalar/{documentName?}", Audience.Anonymous, "/scalar"),
        ("GET", "/scalar/scalar.js", Audience.Anonymous, "/scalar/scalar.js"),
        ("GET", "/scalar/scalar.aspnetcore.js", Audience.Anonymous, "/scalar/scalar.aspnetcore.js"),
        ("GET", "/scalar/favicon.svg", Audience.Anonymous, "/scalar/favicon.svg"),
        ("GET", "{**path:file}", Audience.Anonymous, "/css/site.css"), // static files (development fallback)
        ("HEAD", "{**path:file}", Audience.Anonymous, "/css/site.css"),
        ("POST", "/api/auth/register", Audience.Anonymous, "/api/auth/register"),
        ("POST", "/api/auth/login", Audience.Anonymous, "/api/auth/login"),
        ("POST", "/api/auth/refresh", Audience.Anonymous, "/api/auth/refresh"),
        ("GET", "/api/auth/confirmEmail", Audience.Anonymous, "/api/auth/confirmEmail"),
        ("POST", "/api/auth/resendConfirmationEmail", Audience.Anonymous, "/api/auth/resendConfirmationEmail"),
        ("POST", "/api/auth/forgotPassword", Audience.Anonymous, "/api/auth/forgotPassword"),
        ("POST", "/api/auth/resetPassword", Audience.Anonymous, "/api/auth/resetPassword"),
        ("POST", "/api/auth/manage/2fa", Audience.LoggedIn, "/api/auth/manage/2fa"),
        ("GET", "/api/auth/manage/info", Audience.LoggedIn, "/api/auth/manage/info"),
        ("POST", "/api/auth/manage/info", Audience.LoggedIn, "/api/auth/manage/info"),
        ("GET", "/api/users/", Audience.Office, "/api/users"),
        ("POST", "/api/users/", Audience.Office, "/api/users"),
        ("GET", "/api/users/me", Audience.LoggedIn, "/api/users/me"),
        ("GET", "/api/partnerships/", Audience.LoggedIn, "/api/partnerships"),
        ("POST", "/api/partnerships/", Audience.Office, "/api/partnerships"),
        ("GET", "/api/partnerships/{slug}/members/", Audience.LoggedIn, "/api/partnerships/digiviken/members"),
        ("GET", "/api/partnerships/{slug}/members/{orgnr}", Audience.LoggedIn, "/api/partnerships/digiviken/members/920125298"),
        ("POST", "/api/partnerships/{slug}/members/", Audience.Office, "/api/partnerships/digiviken/members"),
        ("POST", "/api/partnerships/{slug}/members/{orgnr}/resignation", Audience.Office, "/api/partnerships/digiviken/members/920125298/resignation"),
        ("DELETE", "/api/partnerships/{slug}/members/{orgnr}/resignation", Audience.Office, "/api/partnerships/digiviken/members/920125298/resignation"),
        // The member's own contact may change contacts and details (the matrix's member contact acts for Asker, 920125298).
        ("POST", "/api/partnerships/{slug}/members/{orgnr}/contacts", Audience.Member, "/api/partnerships/digiviken/members/920125298/contacts"),
        ("POST", "/api/partnerships/{slug}/members/{orgnr}/roles/{roleId:int}/end", Audience.Member, "/api/partnerships/digiviken/members/920125298/roles/999999/end"),
        ("PUT", "/api/partnerships/{slug}/members/{orgnr}/details", Audience.Member, "/api/partnerships/digiviken/members/920125298/details"),
        ("GET", "/api/partnerships/{slug}/successions", Audience.LoggedIn, "/api/partnerships/digiviken/successions"),
        ("POST", "/api/partnerships/{slug}/successions", Audience.Office, "/api/partnerships/digiviken/successions"),
        ("GET", "/api/partnerships/{slug}/settings", Audience.LoggedIn, "/api/partnerships/digiviken/settings"),
        ("PUT", "/api/partnerships/{slug}/settings", Audience.Office, "/api/partnerships/digiviken/settings"),
        ("GET", "/api/documents/{id:int}", Audience.LoggedIn, "/api/documents/999999"),
        ("GET", "/api/lookup/enhetsregisteret/{orgnr}", Audience.Office, "/api/lookup/enhetsregisteret/920125298"),
        ("GET", "/api/partnerships/{slug}/fee-models", Audience.LoggedIn, "/api/partnerships/digiviken/fee-models"),
        ("POST", "/api/partnerships/{slug}/fee-models", Audience.Office, "/api/partnerships/digiviken/fee-models"),
        ("GET", "/api/partnerships/{slug}/fees/{year:int}", Audience.LoggedIn, "/api/partnerships/digiviken/fees/2022"),
        ("GET", "/api/partnerships/{slug}/fees/{year:int}/csv", Audience.LoggedIn, "/api/partnerships/digiviken/fees/2022/csv"),
        ("POST", "/api/partnerships/{slug}/fees/{year:int}/run", Audience.Office, "/api/partnerships/digiviken/fees/2021/run"),
        ("GET", "/api/partnerships/{slug}/invoicing", Audience.Office, "/api/partnerships/digiviken/invoicing"),
        ("PUT", "/api/partnerships/{slug}/invoicing", Audience.Office, "/api/partnerships/digiviken/invoicing"),
        ("GET", "/api/partnerships/{slug}/invoices", Audience.LoggedIn, "/api/partnerships/digiviken/invoices"),
        ("GET", "/api/invoices/{id:int}/ehf", Audience.LoggedIn, "/api/invoices/999999/ehf"),
        ("GET", "/api/invoices/{id:int}/pdf", Audience.LoggedIn, "/api/invoices/999999/pdf"),
        ("POST", "/api/invoices/{id:int}/sent", Audience.Office, "/api/invoices/999999/sent"),
        ("POST", "/api/invoices/{id:int}/paid", Audience.Office, "/api/invoices/999999/paid"),
        ("POST", "/api/invoices/{id:int}/credit", Audience.Office, "/api/invoices/999999/credit"),
        ("GET", "/api/partnerships/{slug}/board", Audience.LoggedIn, "/api/partnerships/digiviken/board"),
        ("POST", "/api/partnerships/{slug}/board", Audience.Office, "/api/partnerships/digiviken/board"),
        ("GET", "/api/partnerships/{slug}/meetings", Audience.LoggedIn, "/api/partnerships/digiviken/meetings"),
        ("POST", "/api/partnerships/{slug}/meetings", Audience.Office, "/api/partnerships/digiviken/meetings"),
        ("GET", "/api/partnerships/{slug}/decisions", Audience.LoggedIn, "/api/partnerships/digiviken/decisions"),
        ("GET", "/api/meetings/{id:int}/", Audience.LoggedIn, "/api/meetings/999999"),
        ("POST", "/api/meetings/{id:int}/cases", Audience.Office, "/api/meetings/999999/cases"),
        ("POST", "/api/cases/{id:int}/recusals", Audience.Office, "/api/cases/999999/recusals"),
        ("POST", "/api/partnerships/{slug}/board/{seatId:int}/end", Audience.Office, "/api/partnerships/digiviken/board/999999/end"),
        ("GET", "/api/partnerships/{slug}/interests", Audience.LoggedIn, "/api/partnerships/digiviken/interests"),
        ("POST", "/api/partnerships/{slug}/interests", Audience.Office, "/api/partnerships/digiviken/interests"),
        // Public on purpose: calendar apps cannot log in; only non-restricted dates and meeting times are in it.
        ("GET", "/api/partnerships/{slug}/year-wheel.ics", Audience.Anonymous, "/api/partnerships/digiviken/year-wheel.ics"),
        ("GET", "/api/partnerships/{slug}/cases", Audience.LoggedIn, "/api/partnerships/digiviken/cases"),
        ("POST", "/api/partnerships/{slug}/cases", Audience.Office, "/api/partnerships/digiviken/cases"),
        ("GET", "/api/cases/{id:int}/", Audience.LoggedIn, "/api/cases/999999"),
        ("GET", "/api/cases/{id:int}/papers", Audience.LoggedIn, "/api/cases/999999/papers"),
        ("POST", "/api/cases/{id:int}/papers", Audience.Office, "/api/cases/999999/papers"),
        ("GET", "/api/cases/{id:int}/papers/{paperId:int}", Audience.LoggedIn, "/api/cases/999999/papers/1"),
        ("PUT", "/api/cases/{id:int}/agenda", Audience.Office, "/api/cases/999999/agenda"),
        // Board decisions: logged in, then the handler checks the seat (403 ORG-2) and recusal (403 DIS-3).
        ("POST", "/api/cases/{id:int}/conflicts", Audience.LoggedIn, "/api/cases/999999/conflicts"),
        ("POST", "/api/cases/{id:int}/recusals/{recusalId:int}/decision", Audience.LoggedIn, "/api/cases/999999/recusals/1/decision"),
        ("POST", "/api/cases/{id:int}/answers", Audience.LoggedIn, "/api/cases/999999/answers"),
        ("POST", "/api/cases/{id:int}/decision", Audience.LoggedIn, "/api/cases/999999/decision"),
        ("PUT", "/api/decisions/{id:int}/follow-up", Audience.Office, "/api/decisions/999999/follow-up"),
        ("POST", "/api/meetings/{id:int}/notice", Audience.Office, "/api/meetings/999999/notice"),
        ("PUT", "/api/meetings/{id:int}/attendance", Audience.Office, "/api/meetings/999999/attendance"),
        ("GET", "/api/meetings/{id:int}/minutes", Audience.LoggedIn, "/api/meetings/999999/minutes"),
        ("GET", "/api/meetings/{id:int}/minutes.pdf", Audience.LoggedIn, "/api/meetings/999999/minutes.pdf"),
        ("POST", "/api/meetings/{id:int}/minutes/approval", Audience.Office, "/api/meetings/999999/minutes/approval"),
        ("GET", "/api/meetings/{id:int}/book.pdf", Audience.LoggedIn, "/api/meetings/999999/book.pdf"),
        // Disputes: logged in, then only the office and the parties' contacts (403 DIS-1).
        ("GET", "/api/partnerships/{slug}/disputes/", Audience.LoggedIn, "/api/partnerships/digiviken/disputes"),
        ("POST", "/api/partnerships/{slug}/disputes/", Audience.LoggedIn, "/api/partnerships/digiviken/disputes"),
        ("GET", "/api/disputes/{id:int}/", Audience.LoggedIn, "/api/disputes/999999"),
        ("POST", "/api/disputes/{id:int}/entries", Audience.LoggedIn, "/api/disputes/999999/entries"),
        ("POST", "/api/disputes/{id:int}/escalation", Audience.LoggedIn, "/api/disputes/999999/escalation"),
        ("POST", "/api/disputes/{id:int}/outcome", Audience.Office, "/api/disputes/999999/outcome"),
        ("GET", "/api/partnerships/{slug}/projects/", Audience.LoggedIn, "/api/partnerships/digiviken/projects"),
        ("POST", "/api/partnerships/{slug}/projects/", Audience.Office, "/api/partnerships/digiviken/projects"),
        ("GET", "/api/partnerships/{slug}/projects/csv", Audience.LoggedIn, "/api/partnerships/digiviken/projects/csv"),
        ("GET", "/api/projects/{id:int}/", Audience.LoggedIn, "/api/projects/999999"),
        ("POST", "/api/projects/{id:int}/participants", Audience.Office, "/api/projects/999999/participants"),
        ("POST", "/api/projects/{id:int}/phase", Audience.Office, "/api/projects/999999/phase"),
        ("GET", "/api/projects/{id:int}/financing-plans", Audience.LoggedIn, "/api/projects/999999/financing-plans"),
        ("POST", "/api/projects/{id:int}/financing-plans", Audience.Office, "/api/projects/999999/financing-plans"),
        // Board decisions: any logged-in user reaches the handler, which requires a voting board seat (ORG-2) → 403 with rule.
        ("POST", "/api/projects/{id:int}/financing-plans/{version:int}/approve", Audience.LoggedIn, "/api/projects/999999/financing-plans/1/approve"),
        ("POST", "/api/projects/{id:int}/financing-plans/{version:int}/invoices", Audience.Office, "/api/projects/999999/financing-plans/1/invoices"),
        ("GET", "/api/partnerships/{slug}/portfolio/report", Audience.LoggedIn, "/api/partnerships/digiviken/portfolio/report"),
        ("GET", "/api/partnerships/{slug}/portfolio/report.pdf", Audience.LoggedIn, "/api/partnerships/digiviken/portfolio/report.pdf"),
        ("GET", "/api/partnerships/{slug}/portfolio/report.xlsx", Audience.LoggedIn, "/api/partnerships/digiviken/portfolio/report.xlsx"),
        ("GET", "/api/projects/{id:int}/expenditures", Audience.LoggedIn, "/api/projects/999999/expenditures"),
        ("POST", "/api/projects/{id:int}/expenditures", Audience.Office, "/api/projects/999999/expenditures"),
        ("PUT", "/api/projects/{id:int}/forecast", Audience.Office, "/api/projects/999999/forecast"),
        ("POST", "/api/projects/{id:int}/expenditures/import", Audience.Office, "/api/projects/999999/expenditures/import"),
        ("GET", "/api/projects/{id:int}/benefits/", Audience.LoggedIn, "/api/projects/999999/benefits"),
        ("POST", "/api/projects/{id:int}/benefits/", Audience.Office, "/api/projects/999999/benefits"),
        ("POST", "/api/benefits/{id:int}/measurements", Audience.LoggedIn, "/api/benefits/999999/measurements"),
        ("GET", "/api/projects/{id:int}/status-reports", Audience.LoggedIn, "/api/projects/999999/status-reports"),
        ("POST", "/api/projects/{id:int}/status-reports", Audience.LoggedIn, "/api/projects/999999/status-reports"), // office or the project manager: own check
        ("GET", "/api/projects/{id:int}/risks", Audience.LoggedIn, "/api/projects/999999/risks"),
        ("POST", "/api/projects/{id:int}/risks", Audience.LoggedIn, "/api/projects/999999/risks"),
        ("POST", "/api/projects/{id:int}/risks/{riskId:int}/close", Audience.LoggedIn, "/api/projects/999999/risks/1/close"),
        ("GET", "/api/projects/{id:int}/documents", Audience.LoggedIn, "/api/projects/999999/documents"),
        ("POST", "/api/projects/{id:int}/documents", Audience.LoggedIn, "/api/projects/999999/documents"),
        ("GET", "/api/projects/{id:int}/documents/{documentId:int}", Audience.LoggedIn, "/api/projects/999999/documents/1"),
        ("POST", "/api/projects/{id:int}/escalations/{eid:int}/decision", Audience.LoggedIn, "/api/projects/999999/escalations/1/decision"),
        ("GET", "/api/partnerships/{slug}/base-budget/{year:int}", Audience.LoggedIn, "/api/partnerships/digiviken/base-budget/2026"),
        ("POST", "/api/partnerships/{slug}/base-budget/{year:int}/lines", Audience.Office, "/api/partnerships/digiviken/base-budget/2026/lines"),
        ("GET", "/api/partnerships/{slug}/grants", Audience.LoggedIn, "/api/partnerships/digiviken/grants"),
        ("POST", "/api/partnerships/{slug}/grants", Audience.Office, "/api/partnerships/digiviken/grants"),
        ("PUT", "/api/grants/{id:int}", Audience.Office, "/api/grants/999999"),
        ("GET", "/api/projects/{id:int}/grants", Audience.LoggedIn, "/api/projects/999999/grants"),
        ("GET", "/api/projects/{id:int}/in-kind", Audience.LoggedIn, "/api/projects/999999/in-kind"),
        ("POST", "/api/projects/{id:int}/in-kind", Audience.Office, "/api/projects/999999/in-kind"),
        ("GET", "/api/partnerships/{slug}/ideas/", Audience.LoggedIn, "/api/partnerships/digiviken/ideas"),
        ("POST", "/api/partnerships/{slug}/ideas/", Audience.LoggedIn, "/api/partnerships/digiviken/ideas"),
        ("POST", "/api/ideas/{id:int}/assessment", Audience.Office, "/api/ideas/999999/assessment"),
        ("POST", "/api/ideas/{id:int}/project", Audience.Office, "/api/ideas/999999/project"),
        ("GET", "/api/meetings/{id:int}/credentials", Audience.LoggedIn, "/api/meetings/999999/credentials"),
        ("POST", "/api/meetings/{id:int}/credentials", Audience.Office, "/api/meetings/999999/credentials"),
        ("DELETE", "/api/meetings/{id:int}/credentials/{credentialId:int}", Audience.Office, "/api/meetings/999999/credentials/1"),
        ("POST", "/api/meetings/{id:int}/credentials/{credentialId:int}/presence", Audience.Office, "/api/meetings/999999/credentials/1/presence"),
        ("GET", "/api/meetings/{id:int}/votes", Audience.LoggedIn, "/api/meetings/999999/votes"),
        ("POST", "/api/meetings/{id:int}/votes", Audience.Office, "/api/meetings/999999/votes"),
        ("GET", "/api/meetings/{id:int}/paper-ballots", Audience.Office, "/api/meetings/999999/paper-ballots"),
        ("POST", "/api/meetings/{id:int}/paper-ballots", Audience.Office, "/api/meetings/999999/paper-ballots"),
        ("POST", "/api/meetings/{id:int}/paper-ballots/{paperBallotId:int}/confirmation", Audience.Office, "/api/meetings/999999/paper-ballots/1/confirmation"),
        ("DELETE", "/api/meetings/{id:int}/paper-ballots/{paperBallotId:int}", Audience.Office, "/api/meetings/999999/paper-ballots/1"),
        ("GET", "/api/votes/{id:int}/", Audience.LoggedIn, "/api/votes/999999"),
        ("POST", "/api/votes/{id:int}/open", Audience.Office, "/api/votes/999999/open"),
        ("POST", "/api/votes/{id:int}/close", Audience.Office, "/api/votes/999999/close"),
        ("POST", "/api/votes/{id:int}/ballots", Audience.LoggedIn, "/api/votes/999999/ballots"),
        ("GET", "/api/receipts/{receipt}", Audience.LoggedIn, "/api/receipts/AAAA-AAAA-AAAA"),
        ("GET", "/api/partnerships/{slug}/meeting-settings", Audience.LoggedIn, "/api/partnerships/digiviken/meeting-settings"),
        ("PUT", "/api/partnerships/{slug}/meeting-settings", Audience.Office, "/api/partnerships/digiviken/meeting-settings"),
        ("GET", "/api/meetings/{id:int}/agenda", Audience.LoggedIn, "/api/meetings/999999/agenda"),
        ("POST", "/api/meetings/{id:int}/agenda", Audience.Office, "/api/meetings/999999/agenda"),
        ("POST", "/api/meetings/{id:int}/agenda/{itemId:int}/documents", Audience.Office, "/api/meetings/999999/agenda/1/documents"),
        ("GET", "/api/meetings/{id:int}/agenda/{itemId:int}/documents/{documentId:int}", Audience.LoggedIn, "/api/meetings/999999/agenda/1/documents/1"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/meetings/settings", Audience.LoggedIn, "/digiviken/meetings/settings"),
        ("POST", "/api/meetings/{id:int}/reminders", Audience.Office, "/api/meetings/999999/reminders"),
        ("POST", "/api/meetings/{id:int}/proposals", Audience.LoggedIn, "/api/meetings/999999/proposals"),
        ("POST", "/api/meetings/{id:int}/rehearsal", Audience.Office, "/api/meetings/999999/rehearsal"),
        ("DELETE", "/api/meetings/{id:int}/rehearsal", Audience.Office, "/api/meetings/999999/rehearsal"),
        ("GET", "/api/meetings/{id:int}/protocol", Audience.LoggedIn, "/api/meetings/999999/protocol"),
        ("POST", "/api/meetings/{id:int}/protocol", Audience.Office, "/api/meetings/999999/protocol"),
        ("PUT", "/api/meetings/{id:int}/protocol", Audience.Office, "/api/meetings/999999/protocol"),
        ("POST", "/api/meetings/{id:int}/protocol/approvals", Audience.LoggedIn, "/api/meetings/999999/protocol/approvals"),
        ("POST", "/api/meetings/{id:int}/protocol/publish", Audience.Office, "/api/meetings/999999/protocol/publish"),
        ("GET", "/api/meetings/{id:int}/protocol/pdf", Audience.LoggedIn, "/api/meetings/999999/protocol/pdf"),
        ("POST", "/api/proposals/{id:int}/recommendation", Audience.Office, "/api/proposals/999999/recommendation"),
        ("POST", "/api/votes/{id:int}/decision", Audience.Office, "/api/votes/999999/decision"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/meetings/{id:int}/protocol", Audience.LoggedIn, "/digiviken/meetings/999999/protocol"),
        ("GET", "/hubs/votes", Audience.LoggedIn, "/hubs/votes"),
        ("GET", "/hubs/votes/negotiate", Audience.LoggedIn, "/hubs/votes/negotiate"),
        ("GET", "/api/statistics/population/{year:int}", Audience.LoggedIn, "/api/statistics/population/2025"),
        ("PUT", "/api/statistics/population/{year:int}", Audience.Office, "/api/statistics/population/2026"),
        ("POST", "/api/statistics/population/{year:int}/fetch-from-ssb", Audience.Office, "/api/statistics/population/2026/fetch-from-ssb"),
        ("GET", "/api/statistics/kommunal-deflator", Audience.LoggedIn, "/api/statistics/kommunal-deflator"),
        ("PUT", "/api/statistics/kommunal-deflator/{year:int}", Audience.Office, "/api/statistics/kommunal-deflator/2026"),
        ("GET", "/api/statistics/imports", Audience.Office, "/api/statistics/imports"),
        ("GET", "/api/audit/", Audience.Office, "/api/audit"),
        ("GET", "/api/audit/verify", Audience.Office, "/api/audit/verify"),
        ("POST", "/api/backups", Audience.Office, "/api/backups"),
        // Records (ORG-1): the office and the board read them (member contacts 403); the public journal is open.
        ("GET", "/api/partnerships/{slug}/records", Audience.Board, "/api/partnerships/digiviken/records"),
        ("POST", "/api/partnerships/{slug}/records", Audience.Office, "/api/partnerships/digiviken/records"),
        ("GET", "/api/partnerships/{slug}/records/export", Audience.Office, "/api/partnerships/digiviken/records/export"),
        ("GET", "/api/partnerships/{slug}/journal", Audience.Anonymous, "/api/partnerships/digiviken/journal"),
        // Consultations (PUR-1): members read and give their own input (the matrix's contact acts for Asker); the office drafts and sends.
        ("GET", "/api/partnerships/{slug}/consultations/", Audience.LoggedIn, "/api/partnerships/digiviken/consultations"),
        ("POST", "/api/partnerships/{slug}/consultations/", Audience.Office, "/api/partnerships/digiviken/consultations"),
        ("GET", "/api/consultations/{id:int}/", Audience.LoggedIn, "/api/consultations/999999"),
        ("PUT", "/api/consultations/{id:int}/inputs/{orgnr}", Audience.Member, "/api/consultations/999999/inputs/920125298"),
        ("PUT", "/api/consultations/{id:int}/draft", Audience.Office, "/api/consultations/999999/draft"),
        ("POST", "/api/consultations/{id:int}/approve", Audience.LoggedIn, "/api/consultations/999999/approve"), // board or office; others 404/403 after loading
        ("POST", "/api/consultations/{id:int}/send", Audience.Office, "/api/consultations/999999/send"),
        // Anchoring rounds (MEM-7).
        ("GET", "/api/partnerships/{slug}/anchoring-rounds/", Audience.LoggedIn, "/api/partnerships/digiviken/anchoring-rounds"),
        ("POST", "/api/partnerships/{slug}/anchoring-rounds/", Audience.Office, "/api/partnerships/digiviken/anchoring-rounds"),
        ("GET", "/api/anchoring-rounds/{id:int}/", Audience.LoggedIn, "/api/anchoring-rounds/999999"),
        ("PUT", "/api/anchoring-rounds/{id:int}/answers/{orgnr}", Audience.Member, "/api/anchoring-rounds/999999/answers/920125298"),
        ("POST", "/api/anchoring-rounds/{id:int}/reminders", Audience.Office, "/api/anchoring-rounds/999999/reminders"),
        // Networks and working groups (MEM-8, PUR-2): members add their own people (the matrix's contact acts for Asker); the office the rest.
        ("GET", "/api/partnerships/{slug}/networks", Audience.LoggedIn, "/api/partnerships/digiviken/networks"),
        ("POST", "/api/partnerships/{slug}/networks", Audience.Office, "/api/partnerships/digiviken/networks"),
        ("GET", "/api/networks/{id:int}/", Audience.LoggedIn, "/api/networks/999999"),
        ("POST", "/api/networks/{id:int}/participants", Audience.LoggedIn, "/api/networks/999999/participants"),
        ("POST", "/api/networks/{id:int}/participants/{participantId:int}/end", Audience.LoggedIn, "/api/networks/999999/participants/1/end"),
        ("POST", "/api/networks/{id:int}/activities", Audience.Office, "/api/networks/999999/activities"),
        ("GET", "/api/networks/{id:int}/activities/{activityId:int}/document", Audience.LoggedIn, "/api/networks/999999/activities/1/document"),
        ("POST", "/api/networks/{id:int}/close", Audience.Office, "/api/networks/999999/close"),
        // Events and courses (PUR-3): member contacts register and cancel their own people.
        ("GET", "/api/partnerships/{slug}/events", Audience.LoggedIn, "/api/partnerships/digiviken/events"),
        ("POST", "/api/partnerships/{slug}/events", Audience.Office, "/api/partnerships/digiviken/events"),
        ("GET", "/api/partnerships/{slug}/competence", Audience.LoggedIn, "/api/partnerships/digiviken/competence"),
        ("GET", "/api/events/{id:int}/", Audience.LoggedIn, "/api/events/999999"),
        ("POST", "/api/events/{id:int}/registrations", Audience.LoggedIn, "/api/events/999999/registrations"),
        ("POST", "/api/events/{id:int}/registrations/{registrationId:int}/cancel", Audience.LoggedIn, "/api/events/999999/registrations/1/cancel"),
        ("PUT", "/api/events/{id:int}/attendance", Audience.Office, "/api/events/999999/attendance"),
        // News and the document library (PUR-4, ORG-4); external partners (PUR-2).
        ("GET", "/api/partnerships/{slug}/news", Audience.LoggedIn, "/api/partnerships/digiviken/news"),
        ("POST", "/api/partnerships/{slug}/news", Audience.Office, "/api/partnerships/digiviken/news"),
        ("GET", "/api/partnerships/{slug}/library", Audience.LoggedIn, "/api/partnerships/digiviken/library"),
        ("POST", "/api/partnerships/{slug}/library", Audience.Office, "/api/partnerships/digiviken/library"),
        ("GET", "/api/library/{id:int}/", Audience.LoggedIn, "/api/library/999999"),
        ("POST", "/api/library/{id:int}/versions", Audience.Office, "/api/library/999999/versions"),
        ("GET", "/api/library/{id:int}/versions/{number:int}/file", Audience.LoggedIn, "/api/library/999999/versions/1/file"),
        ("GET", "/api/partnerships/{slug}/external-partners", Audience.LoggedIn, "/api/partnerships/digiviken/external-partners"),
        ("POST", "/api/partnerships/{slug}/external-partners", Audience.Office, "/api/partnerships/digiviken/external-partners"),
        ("POST", "/api/external-partners/{id:int}/links", Audience.Office, "/api/external-partners/999999/links"),
        ("PAGE", "audit", Audience.Office, "/audit?verify=true"),
        ("PAGE", "", Audience.Anonymous, "/"),
        ("PAGE", "error", Audience.Anonymous, "/error"),
        ("PAGE", "language", Audience.Anonymous, "/language"),
        ("PAGE", "account/login", Audience.Anonymous, "/account/login"),
        ("PAGE", "account/logout", Audience.Anonymous, "/account/logout"),
        ("PAGE", "account/access-denied", Audience.Anonymous, "/account/access-denied"),
        ("PAGE", "account/login-two-factor", Audience.Anonymous, "/account/login-two-factor"),
        ("PAGE", "account/two-factor", Audience.LoggedIn, "/account/two-factor"),
        ("PAGE", "account/external-login", Audience.Anonymous, "/account/external-login"), // 404 unless Partnerskap:Oidc is on
        ("PAGE", "account/external-callback", Audience.Anonymous, "/account/external-callback"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}", Audience.Anonymous, "/digiviken"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/agreement", Audience.Anonymous, "/digiviken/agreement"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/members", Audience.LoggedIn, "/digiviken/members"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/members/{orgnr}", Audience.LoggedIn, "/digiviken/members/920125298"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/members/join", Audience.Office, "/digiviken/members/join"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/members/{orgnr}/resignation", Audience.Office, "/digiviken/members/920125298/resignation"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/members/{orgnr}/contacts/new", Audience.Member, "/digiviken/members/920125298/contacts/new"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/members/{orgnr}/edit", Audience.Member, "/digiviken/members/920125298/edit"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/successions", Audience.LoggedIn, "/digiviken/successions"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/settings", Audience.Office, "/digiviken/settings"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/fees", Audience.LoggedIn, "/digiviken/fees?year=2022"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/fees/seller", Audience.Office, "/digiviken/fees/seller"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/fees/scenarios", Audience.LoggedIn, "/digiviken/fees/scenarios?year=2023"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/invoices", Audience.LoggedIn, "/digiviken/invoices"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/invoices/{id:int}", Audience.LoggedIn, "/digiviken/invoices/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/statistics", Audience.LoggedIn, "/digiviken/statistics"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/journal", Audience.Anonymous, "/digiviken/journal"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/public", Audience.Anonymous, "/digiviken/public"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/records", Audience.Board, "/digiviken/records"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/consultations", Audience.LoggedIn, "/digiviken/consultations"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/anchoring", Audience.LoggedIn, "/digiviken/anchoring"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/consultations/{id:int}", Audience.LoggedIn, "/digiviken/consultations/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/networks", Audience.LoggedIn, "/digiviken/networks"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/networks/{id:int}", Audience.LoggedIn, "/digiviken/networks/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/events", Audience.LoggedIn, "/digiviken/events"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/events/{id:int}", Audience.LoggedIn, "/digiviken/events/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/news", Audience.LoggedIn, "/digiviken/news"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/library", Audience.LoggedIn, "/digiviken/library"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/library/{id:int}", Audience.LoggedIn, "/digiviken/library/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/external-partners", Audience.LoggedIn, "/digiviken/external-partners"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/board", Audience.LoggedIn, "/digiviken/board"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/board/decisions", Audience.LoggedIn, "/digiviken/board/decisions"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/board/cases", Audience.LoggedIn, "/digiviken/board/cases"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/board/cases/{id:int}", Audience.LoggedIn, "/digiviken/board/cases/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/board/meetings/{id:int}", Audience.LoggedIn, "/digiviken/board/meetings/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/board/meetings/{id:int}/minutes", Audience.LoggedIn, "/digiviken/board/meetings/999999/minutes"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/board/meetings/{id:int}/book", Audience.LoggedIn, "/digiviken/board/meetings/999999/book"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/disputes", Audience.LoggedIn, "/digiviken/disputes"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/disputes/{id:int}", Audience.LoggedIn, "/digiviken/disputes/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/year-wheel", Audience.LoggedIn, "/digiviken/year-wheel"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/portfolio", Audience.LoggedIn, "/digiviken/portfolio"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/portfolio/new", Audience.Office, "/digiviken/portfolio/new"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/portfolio/funding", Audience.LoggedIn, "/digiviken/portfolio/funding"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/portfolio/report", Audience.LoggedIn, "/digiviken/portfolio/report"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/portfolio/ideas", Audience.LoggedIn, "/digiviken/portfolio/ideas"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/portfolio/{id:int}", Audience.LoggedIn, "/digiviken/portfolio/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/portfolio/{id:int}/benefits", Audience.LoggedIn, "/digiviken/portfolio/999999/benefits"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/meetings", Audience.LoggedIn, "/digiviken/meetings"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/meetings/{id:int}", Audience.LoggedIn, "/digiviken/meetings/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/votes/{id:int}", Audience.LoggedIn, "/digiviken/votes/999999"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/votes/{id:int}/chair", Audience.Office, "/digiviken/votes/999999/chair"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/votes/{id:int}/results", Audience.Anonymous, "/digiviken/votes/999999/results"),
        ("PAGE", "{slug:regex(^[a-z0-9][a-z0-9-]*$)}/meetings/{id:int}/results", Audience.Anonymous, "/digiviken/meetings/999999/results"),
    ];

    private static IEnumerable<(string Method, string Pattern)> AppEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null) // CSS, fonts
            .SelectMany(e =>
            {
                var pattern = e.RoutePattern.RawText ?? "";
                if (e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
                {
                    return [("PAGE", pattern)];
                }

                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Select(m => (m, pattern));
            })
            .Distinct();

    [Fact]
    public void Every_endpoint_and_page_is_in_the_matrix_and_declares_who_may_use_it()
    {
        var endpoints = AppEndpoints(host.App.Services).ToHashSet();
        var listed = Matrix.Select(m => (m.Method, m.Pattern)).ToHashSet();

        Assert.Empty(endpoints.Except(listed).Select(e => $"{e.Method} {e.Pattern} is not in the matrix"));
        Assert.Empty(listed.Except(endpoints).Select(e => $"{e.Method} {e.Pattern} is in the matrix but not mapped"));

        // Each endpoint says it explicitly: AllowAnonymous or an authorization policy (no reliance on the fallback).
        var undeclared = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.OfType<IAuthorizeData>().Any())
            .Where(e => e.RoutePattern.RawText != "{**path:file}") // MapStaticAssets' development-only fallback; covered by the fallback policy
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void No_two_endpoints_share_a_method_and_route()
    {
        // Two modules mapping the same route make requests to it fail as ambiguous (500): one owner per route.
        var duplicates = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText?.TrimEnd('/')}"))
            .GroupBy(x => x)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.Empty(duplicates);
    }

    public static TheoryData<string, string, Audience> Entries() =>
        new(Matrix.Select(m => (m.Method == "PAGE" ? "GET" : m.Method, m.Url, m.Audience)));

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Anonymous_gets_in_only_where_anonymous_is_allowed(string method, string url, Audience audience)
    {
        var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SendAsync(client, method, url);
        var denied = response.StatusCode == HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase));
        Assert.True(denied == (audience != Audience.Anonymous), $"{method} {url}: {(int)response.StatusCode}");
    }

    private static bool Forbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase));

    private static bool Succeeded(HttpResponseMessage response) =>
        response.IsSuccessStatusCode
        || (response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.OriginalString.Contains("/account/", StringComparison.OrdinalIgnoreCase));

    private async Task<HttpClient> LoginAsync(string role, string? orgnr, Func<string, Task>? setup = null)
    {
        var email = $"matrix-{Guid.NewGuid():N}@test.local";
        await host.App.CreateUserAsync(email, role, orgnr);
        if (setup is not null)
        {
            await setup(email);
        }

        return await host.App.LoginAsync(email);
    }

    /// <summary>A board member with a seat in DigiViken (no organisation of their own).</summary>
    private async Task<HttpClient> BoardAsync() => await LoginAsync(Roles.Board, null, async email =>
    {
        var office = await host.App.LoginAsOfficeAsync();
        var seat = await office.PostAsJsonAsync("/api/partnerships/digiviken/board", new { userEmail = email, role = "member", from = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, seat.StatusCode);
    });

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Member_contact_of_A_gets_in_everywhere_but_board_and_office_places(string method, string url, Audience audience)
    {
        var client = await OnceAsync("member-contact-A", () => LoginAsync(Roles.MemberContact, OrgnrA));
        var response = await SendAsync(client, method, url);
        Assert.True(Forbidden(response) == (audience is Audience.Board or Audience.Office), $"{method} {url}: {(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Member_contact_of_B_does_not_act_for_member_A(string method, string url, Audience audience)
    {
        var client = await OnceAsync("member-contact-B", () => LoginAsync(Roles.MemberContact, OrgnrB));
        var response = await SendAsync(client, method, url);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        if (audience is Audience.Anonymous or Audience.LoggedIn)
        {
            Assert.False(Forbidden(response), $"{method} {url}: {(int)response.StatusCode}");
        }
        else if (audience is Audience.Member)
        {
            // Refused: 403, or 404 where the URL names a record that does not exist (nothing to act on either way).
            Assert.True(Forbidden(response) || response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
        }
        else
        {
            Assert.True(Forbidden(response), $"{method} {url}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Board_member_gets_in_everywhere_but_member_and_office_places(string method, string url, Audience audience)
    {
        var client = await OnceAsync("board", BoardAsync);
        var response = await SendAsync(client, method, url);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        if (audience == Audience.Member)
        {
            Assert.True(Forbidden(response) || response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
        }
        else
        {
            Assert.True(Forbidden(response) == (audience == Audience.Office), $"{method} {url}: {(int)response.StatusCode}");
        }
    }

    public static TheoryData<string, string, Audience> PartnershipEntries() =>
        new(Matrix.Where(m => m.Url.Contains("/digiviken", StringComparison.Ordinal) && m.Audience != Audience.Anonymous)
            .Select(m => (m.Method == "PAGE" ? "GET" : m.Method, m.Url, m.Audience)));

    [Theory]
    [MemberData(nameof(PartnershipEntries))]
    public async Task Logins_of_another_partnership_get_nothing_of_this_one(string method, string url, Audience audience)
    {
        _ = audience;
        var clients = await Logins.GetOrAdd((host, "other-partnership"), async _ =>
        {
            var office = await host.App.LoginAsOfficeAsync();
            await office.PostAsJsonAsync("/api/partnerships", new { slug = "matrix-annen", name = "Annet partnerskap", agreementInForceFrom = "2022-01-01" });
            var orgnr = TestData.NextOrgnr();
            await office.PostAsJsonAsync("/api/partnerships/matrix-annen/members", new { orgnr, name = "Fremmed organisasjon", kind = "other", joinedOn = "2022-01-01" });
            return new[]
            {
                await LoginAsync(Roles.MemberContact, orgnr), // a member contact of the other partnership
                await LoginAsync(Roles.Board, null),           // a board login tied to no partnership sees none
                await LoginAsync(Roles.Board, null, async email =>
                {
                    var seat = await office.PostAsJsonAsync("/api/partnerships/matrix-annen/board", new { userEmail = email, role = "member", from = "2026-01-01" });
                    Assert.Equal(HttpStatusCode.Created, seat.StatusCode);
                }), // the other partnership's board
            };
        });
        foreach (var client in clients)
        {
            var response = await SendAsync(client, method, url);
            Assert.False(Succeeded(response), $"{method} {url}: {(int)response.StatusCode}");
            Assert.True(Forbidden(response) || response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task DIS_3_the_decision_text_of_a_restricted_case_is_withheld_from_those_who_may_not_read_the_case()
    {
        var office = await host.App.LoginAsOfficeAsync();
        var created = await office.PostAsJsonAsync("/api/partnerships/digiviken/cases", new { title = "Begrenset tvist", partyOrgnrs = new[] { OrgnrB }, restricted = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        const string text = "Styret gir Bærum medhold i fortrolig tvist.";
        await host.App.WithDbAsync(async db =>
        {
            var partnershipId = db.Partnerships.Single(p => p.Slug == "digiviken").Id;
            db.Decisions.Add(new Partnerskap.Domain.Decisions.Decision(partnershipId, Partnerskap.Domain.Decisions.DecisionBody.Board, 2026, 900 + caseId % 90, new DateOnly(2026, 11, 20),
                "Begrenset tvist", text, caseId));
            return await db.SaveChangesAsync();
        });

        async Task<string> TextSeenBy(HttpClient client)
        {
            var decisions = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/partnerships/digiviken/decisions");
            var decision = decisions.EnumerateArray().Single(d => d.GetProperty("caseId").ValueKind == System.Text.Json.JsonValueKind.Number && d.GetProperty("caseId").GetInt32() == caseId);
            var page = await client.GetStringAsync("/digiviken/board/decisions");
            Assert.Equal(decision.GetProperty("text").GetString() == text, page.Contains(text, StringComparison.Ordinal));
            return decision.GetProperty("text").GetString()!;
        }

        Assert.Equal(text, await TextSeenBy(office));
        Assert.Equal(text, await TextSeenBy(await BoardAsync()));                               // a seat holder, not recused
        Assert.NotEqual(text, await TextSeenBy(await LoginAsync(Roles.MemberContact, OrgnrA))); // member contacts do not read restricted cases
        Assert.NotEqual(text, await TextSeenBy(await LoginAsync(Roles.MemberContact, OrgnrB)));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task ORG_3_office_staff_are_the_administrators_and_get_in_everywhere(string method, string url, Audience audience)
    {
        _ = audience;
        var client = await OnceAsync("office", host.App.LoginAsOfficeAsync);
        var response = await SendAsync(client, method, url);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Location?.OriginalString.Contains("/account/", StringComparison.OrdinalIgnoreCase) == true, $"{method} {url} → {response.Headers.Location}");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) =>
        method switch
        {
            "GET" => client.GetAsync(url),
            "HEAD" => client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url)),
            "PUT" => client.PutAsJsonAsync(url, new { }),
            "DELETE" => client.DeleteAsync(url),
            _ => client.PostAsJsonAsync(url, new { }),
        };
}
