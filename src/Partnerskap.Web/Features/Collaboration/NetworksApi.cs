using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Infrastructure.Documents;

namespace Partnerskap.Web.Features.Collaboration;

/// <summary>
/// Networks and working groups (MEM-8, PUR-3), events and courses (PUR-3), news and the document library (PUR-4, ORG-4),
/// external partners (PUR-2). Ids are checked against the caller's partnerships (another partnership's: 404).
/// </summary>
public static class NetworksApi
{
    public sealed record NetworkBody(string? Name, string? Kind, string? Purpose);

    public sealed record ParticipantBody(string? Orgnr, int? ExternalPartnerId, string? Name, string? Email, string? Title);

    public sealed record ActivityBody(string? Title, string? Kind, DateOnly? On, string? Notes, MembersApi.DocumentBody? Document);

    public sealed record EventBody(string? Title, string? Kind, DateTimeOffset? StartsAt, string? Place, int? Capacity, DateOnly? RegistrationDeadline,
        string? Description, int? NetworkId);

    public sealed record RegistrationBody(string? Orgnr, string? Name, string? Email);

    public sealed record RegistrationResult(int Id, string Status, int? PromotedId);

    public sealed record AttendanceBody(IReadOnlyList<int>? Attended, IReadOnlyList<int>? Absent);

    public sealed record NewsBody(string? Title, string? Body);

    public sealed record LibraryBody(string? Kind, string? Title, string? Description, MembersApi.DocumentBody? File, DateOnly? ValidFrom, string? DecisionRef, string? ChangeNote);

    public sealed record VersionBody(MembersApi.DocumentBody? File, DateOnly? ValidFrom, string? DecisionRef, string? ChangeNote);

    public sealed record PartnerBody(string? Name, string? Kind, string? Orgnr, string? ContactName, string? ContactEmail);

    public sealed record LinkBody(int? ProjectId, int? NetworkId, string? Role);

    public static IServiceCollection AddNetworks(this IServiceCollection services) => services
        .AddScoped<Networks>()
        .AddScoped<Events>()
        .AddScoped<Library>()
        .AddScoped<ExternalPartners>();

    public static IEndpointRouteBuilder MapNetworksApi(this IEndpointRouteBuilder api)
    {
        var p = api.MapGroup("/partnerships/{slug}").WithTags("Networks, events and library").AddEndpointFilter<RuleViolationFilter>();
        p.MapGet("/networks", ListNetworks).RequireAuthorization(Policies.LoggedIn).WithSummary("Networks and working groups (MEM-8)");
        p.MapPost("/networks", CreateNetwork).RequireAuthorization(Policies.Office).WithSummary("Create a network or working group (office, MEM-8)");
        p.MapGet("/events", ListEvents).RequireAuthorization(Policies.LoggedIn).WithSummary("Events and courses (PUR-3)");
        p.MapPost("/events", CreateEvent).RequireAuthorization(Policies.Office).WithSummary("Create an event or course with capacity and registration deadline (office, PUR-3)");
        p.MapGet("/competence", Competence).RequireAuthorization(Policies.LoggedIn).WithSummary("Competence overview per member for a year (PUR-3; a member contact sees its own line)");
        p.MapGet("/news", ListNews).RequireAuthorization(Policies.LoggedIn).WithSummary("News to the members (PUR-4)");
        p.MapPost("/news", PublishNews).RequireAuthorization(Policies.Office).WithSummary("Publish news (office, PUR-4)");
        p.MapGet("/library", ListLibrary).RequireAuthorization(Policies.LoggedIn).WithSummary("The document library: agreement, statutes (with versions, ORG-4), templates, documents (PUR-4)");
        p.MapPost("/library", CreateLibraryDocument).RequireAuthorization(Policies.Office).WithSummary("Add a library document with its first version (office, PUR-4)");
        p.MapGet("/external-partners", ListPartners).RequireAuthorization(Policies.LoggedIn).WithSummary("External partners (PUR-2)");
        p.MapPost("/external-partners", CreatePartner).RequireAuthorization(Policies.Office).WithSummary("Register an external partner (office, PUR-2)");

        var n = api.MapGroup("/networks/{id:int}").WithTags("Networks, events and library").AddEndpointFilter<RuleViolationFilter>();
        n.MapGet("/", GetNetwork).RequireAuthorization(Policies.LoggedIn).WithSummary("One network: participants, participation per member, activities");
        n.MapPost("/participants", AddParticipant).RequireAuthorization(Policies.LoggedIn).WithSummary("Add a person (office, or the member's own contact for its people; external partners' people: office) (MEM-8, PUR-2)");
        n.MapPost("/participants/{participantId:int}/end", EndParticipant).RequireAuthorization(Policies.LoggedIn).WithSummary("A person leaves the network (office or own contact)");
        n.MapPost("/activities", AddActivity).RequireAuthorization(Policies.Office).WithSummary("Record a meeting or activity with an optional shared document (office, PUR-3)");
        n.MapGet("/activities/{activityId:int}/document", ActivityDocument).RequireAuthorization(Policies.LoggedIn).WithSummary("The activity's shared document");
        n.MapPost("/close", CloseNetwork).RequireAuthorization(Policies.Office).WithSummary("Close the network or working group (office)");

        var e = api.MapGroup("/events/{id:int}").WithTags("Networks, events and library").AddEndpointFilter<RuleViolationFilter>();
        e.MapGet("/", GetEvent).RequireAuthorization(Policies.LoggedIn).WithSummary("One event: places, waiting list, participants (office and board: all; a member contact: its own)");
        e.MapPost("/registrations", Register).RequireAuthorization(Policies.LoggedIn).WithSummary("Register a person (a member contact: its own people; office: anyone) → confirmed or waiting (PUR-3)");
        e.MapPost("/registrations/{registrationId:int}/cancel", Cancel).RequireAuthorization(Policies.LoggedIn).WithSummary("Cancel a registration; the first on the waiting list gets the place (PUR-3)");
        e.MapPut("/attendance", Attendance).RequireAuthorization(Policies.Office).WithSummary("Record who attended (office, PUR-3)");

        var l = api.MapGroup("/library/{id:int}").WithTags("Networks, events and library").AddEndpointFilter<RuleViolationFilter>();
        l.MapGet("/", GetLibraryDocument).RequireAuthorization(Policies.LoggedIn).WithSummary("One library document with every version and the current one (ORG-4)");
        l.MapPost("/versions", PublishVersion).RequireAuthorization(Policies.Office).WithSummary("Publish a new version; old versions are kept (office, ORG-4: agreement and statutes need the decision)");
        l.MapGet("/versions/{number:int}/file", VersionFile).RequireAuthorization(Policies.LoggedIn).WithSummary("Download a version's file");

        api.MapPost("/external-partners/{id:int}/links", LinkPartner).RequireAuthorization(Policies.Office).WithTags("Networks, events and library")
            .AddEndpointFilter<RuleViolationFilter>().WithSummary("Link an external partner to a project or a network (office, PUR-2)");
        return api;
    }

    private static async Task<(Domain.Partnerships.Partnership? Partnership, ProblemHttpResult? Denied)> PartnershipAsync(string slug, ClaimsPrincipal user, PartnershipAccess access, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        return outcome == PartnershipAccess.Outcome.Allowed ? (p, null) : (null, MembersApi.Denied(outcome, slug));
    }

    // ---- Networks (MEM-8, PUR-3) ----
    private static async Task<Results<Ok<List<Networks.Summary>>, ProblemHttpResult>> ListNetworks(string slug, ClaimsPrincipal user, PartnershipAccess access, Networks networks, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        return denied ?? (Results<Ok<List<Networks.Summary>>, ProblemHttpResult>)TypedResults.Ok(await networks.ListAsync(p!.Id, ct));
    }

    private static async Task<Results<Created<Networks.Dto>, ProblemHttpResult>> CreateNetwork(string slug, NetworkBody body, ClaimsPrincipal user, PartnershipAccess access, Networks networks, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        if (denied is not null)
        {
            return denied;
        }

        var network = await networks.CreateAsync(p!.Id, body.Name, body.Kind, body.Purpose, ct);
        return TypedResults.Created($"/api/networks/{network.Id}", await networks.ToDtoAsync(network, user, ct));
    }

    private static async Task<(Domain.Collaboration.Network? Network, ProblemHttpResult? Denied)> LoadNetworkAsync(int id, ClaimsPrincipal user, PartnershipAccess access, Networks networks, CancellationToken ct)
    {
        var network = await networks.FindAsync(id, ct);
        return network is null || !await access.CanReadAsync(network.PartnershipId, user, ct) ? (null, Problems.NotFound($"No network {id}.")) : (network, null);
    }

    private static async Task<Results<Ok<Networks.Dto>, ProblemHttpResult>> GetNetwork(int id, ClaimsPrincipal user, PartnershipAccess access, Networks networks, CancellationToken ct)
    {
        var (network, denied) = await LoadNetworkAsync(id, user, access, networks, ct);
        return denied ?? (Results<Ok<Networks.Dto>, ProblemHttpResult>)TypedResults.Ok(await networks.ToDtoAsync(network!, user, ct));
    }

    private static async Task<Results<Created<Networks.Dto>, ProblemHttpResult>> AddParticipant(int id, ParticipantBody body, ClaimsPrincipal user, PartnershipAccess access, Networks networks, CancellationToken ct)
    {
        var (network, denied) = await LoadNetworkAsync(id, user, access, networks, ct);
        if (denied is not null)
        {
            return denied;
        }

        await networks.AddParticipantAsync(network!, user, body.Orgnr, body.ExternalPartnerId, body.Name, body.Email, body.Title, ct);
        return TypedResults.Created($"/api/networks/{id}", await networks.ToDtoAsync(network!, user, ct));
    }

    private static async Task<Results<Ok<Networks.Dto>, ProblemHttpResult>> EndParticipant(int id, int participantId, ClaimsPrincipal user, PartnershipAccess access, Networks networks, CancellationToken ct)
    {
        var (network, denied) = await LoadNetworkAsync(id, user, access, networks, ct);
        if (denied is not null)
        {
            return denied;
        }

        try
        {
            await networks.EndParticipationAsync(network!, participantId, user, ct);
        }
        catch (KeyNotFoundException)
        {
            return Problems.NotFound($"No participant {participantId} in network {id}.");
        }

        return TypedResults.Ok(await networks.ToDtoAsync(network!, user, ct));
    }

    private static async Task<Results<Created<Networks.Dto>, ProblemHttpResult>> AddActivity(int id, ActivityBody body, ClaimsPrincipal user, PartnershipAccess access, Networks networks, CancellationToken ct)
    {
        var (network, denied) = await LoadNetworkAsync(id, user, access, networks, ct);
        if (denied is not null)
        {
            return denied;
        }

        await networks.AddActivityAsync(network!, body.Title, body.Kind, body.On, body.Notes, MembersApi.ToUpload(body.Document), ct);
        return TypedResults.Created($"/api/networks/{id}", await networks.ToDtoAsync(network!, user, ct));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ActivityDocument(int id, int activityId, ClaimsPrincipal user, PartnershipAccess access,
        Networks networks, AppDbContext db, IDocumentStore store, CancellationToken ct)
    {
        var (network, denied) = await LoadNetworkAsync(id, user, access, networks, ct);
        if (denied is not null)
        {
            return denied;
        }

        var documentId = network!.Activities.SingleOrDefault(a => a.Id == activityId)?.DocumentId;
        return documentId is { } d ? await StreamAsync(d, db, store, ct) : Problems.NotFound($"No document for activity {activityId}.");
    }

    private static async Task<Results<Ok<Networks.Dto>, ProblemHttpResult>> CloseNetwork(int id, ClaimsPrincipal user, PartnershipAccess access, Networks networks, CancellationToken ct)
    {
        var (network, denied) = await LoadNetworkAsync(id, user, access, networks, ct);
        if (denied is not null)
        {
            return denied;
        }

        await networks.CloseAsync(network!, ct);
        return TypedResults.Ok(await networks.ToDtoAsync(network!, user, ct));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> StreamAsync(int documentId, AppDbContext db, IDocumentStore store, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().SingleAsync(x => x.Id == documentId, ct);
        return await store.DownloadAsync(document, ct);
    }

    // ---- Events and courses (PUR-3) ----
    private static async Task<Results<Ok<List<Events.Summary>>, ProblemHttpResult>> ListEvents(string slug, ClaimsPrincipal user, PartnershipAccess access, Events events, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        return denied ?? (Results<Ok<List<Events.Summary>>, ProblemHttpResult>)TypedResults.Ok(await events.ListAsync(p!.Id, ct));
    }

    private static async Task<Results<Created<Events.Dto>, ProblemHttpResult>> CreateEvent(string slug, EventBody body, ClaimsPrincipal user, PartnershipAccess access, Events events, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        if (denied is not null)
        {
            return denied;
        }

        var created = await events.CreateAsync(p!.Id, body.Title, body.Kind, body.StartsAt, body.Place, body.Capacity, body.RegistrationDeadline, body.Description, body.NetworkId, ct);
        return TypedResults.Created($"/api/events/{created.Id}", await events.ToDtoAsync(created, user, ct));
    }

    private static async Task<Results<Ok<List<Events.CompetenceLine>>, ProblemHttpResult>> Competence(string slug, int? year, ClaimsPrincipal user, PartnershipAccess access,
        Events events, TimeProvider clock, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        if (denied is not null)
        {
            return denied;
        }

        var lines = await events.CompetenceAsync(p!.Id, year ?? PartnershipTime.Today(clock).Year, ct);
        var all = user.IsOffice() || user.IsInRole(Roles.Board);
        return TypedResults.Ok(all ? lines : lines.Where(x => x.Orgnr == user.Orgnr()).ToList());
    }

    private static async Task<(Domain.Collaboration.Event? Event, ProblemHttpResult? Denied)> LoadEventAsync(int id, ClaimsPrincipal user, PartnershipAccess access, Events events, CancellationToken ct)
    {
        var e = await events.FindAsync(id, ct);
        return e is null || !await access.CanReadAsync(e.PartnershipId, user, ct) ? (null, Problems.NotFound($"No event {id}.")) : (e, null);
    }

    private static async Task<Results<Ok<Events.Dto>, ProblemHttpResult>> GetEvent(int id, ClaimsPrincipal user, PartnershipAccess access, Events events, CancellationToken ct)
    {
        var (e, denied) = await LoadEventAsync(id, user, access, events, ct);
        return denied ?? (Results<Ok<Events.Dto>, ProblemHttpResult>)TypedResults.Ok(await events.ToDtoAsync(e!, user, ct));
    }

    private static async Task<Results<Created<RegistrationResult>, ProblemHttpResult>> Register(int id, RegistrationBody body, ClaimsPrincipal user, PartnershipAccess access, Events events, CancellationToken ct)
    {
        var (_, denied) = await LoadEventAsync(id, user, access, events, ct);
        if (denied is not null)
        {
            return denied;
        }

        var registration = await events.RegisterAsync(id, user, body.Orgnr, body.Name, body.Email, ct);
        return TypedResults.Created($"/api/events/{id}", new RegistrationResult(registration.Id, Events.StatusName(registration.Status), null));
    }

    private static async Task<Results<Ok<RegistrationResult>, ProblemHttpResult>> Cancel(int id, int registrationId, ClaimsPrincipal user, PartnershipAccess access, Events events, CancellationToken ct)
    {
        var (_, denied) = await LoadEventAsync(id, user, access, events, ct);
        if (denied is not null)
        {
            return denied;
        }

        try
        {
            var promoted = await events.CancelAsync(id, registrationId, user, ct);
            return TypedResults.Ok(new RegistrationResult(registrationId, "cancelled", promoted?.Id));
        }
        catch (KeyNotFoundException)
        {
            return Problems.NotFound($"No registration {registrationId} for event {id}.");
        }
    }

    private static async Task<Results<Ok<Events.Dto>, ProblemHttpResult>> Attendance(int id, AttendanceBody body, ClaimsPrincipal user, PartnershipAccess access, Events events, CancellationToken ct)
    {
        var (_, denied) = await LoadEventAsync(id, user, access, events, ct);
        if (denied is not null)
        {
            return denied;
        }

        var marks = (body.Attended ?? []).ToDictionary(x => x, _ => true);
        foreach (var a in body.Absent ?? [])
        {
            marks[a] = false;
        }

        await events.RecordAttendanceAsync(id, marks, ct);
        var (fresh, _) = await LoadEventAsync(id, user, access, events, ct);
        return TypedResults.Ok(await events.ToDtoAsync(fresh!, user, ct));
    }

    // ---- News and library (PUR-4, ORG-4) ----
    private static async Task<Results<Ok<List<Library.NewsDto>>, ProblemHttpResult>> ListNews(string slug, ClaimsPrincipal user, PartnershipAccess access, Library library, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        return denied ?? (Results<Ok<List<Library.NewsDto>>, ProblemHttpResult>)TypedResults.Ok(await library.NewsAsync(p!.Id, ct));
    }

    private static async Task<Results<Created<Library.NewsDto>, ProblemHttpResult>> PublishNews(string slug, NewsBody body, ClaimsPrincipal user, PartnershipAccess access, Library library, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        if (denied is not null)
        {
            return denied;
        }

        var news = await library.PublishNewsAsync(p!.Id, body.Title, body.Body, ct);
        return TypedResults.Created($"/api/partnerships/{slug}/news", new Library.NewsDto(news.Id, news.Title, news.Body, news.PublishedAt));
    }

    private static async Task<Results<Ok<List<Library.DocumentDto>>, ProblemHttpResult>> ListLibrary(string slug, ClaimsPrincipal user, PartnershipAccess access, Library library, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        return denied ?? (Results<Ok<List<Library.DocumentDto>>, ProblemHttpResult>)TypedResults.Ok(await library.ListAsync(p!.Id, ct));
    }

    private static async Task<Results<Created<Library.DocumentDto>, ProblemHttpResult>> CreateLibraryDocument(string slug, LibraryBody body, ClaimsPrincipal user, PartnershipAccess access, Library library, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        if (denied is not null)
        {
            return denied;
        }

        var document = await library.CreateAsync(p!.Id, body.Kind, body.Title, body.Description, MembersApi.ToUpload(body.File), body.ValidFrom, body.DecisionRef, body.ChangeNote, ct);
        return TypedResults.Created($"/api/library/{document.Id}", await library.ToDtoAsync(document, ct));
    }

    private static async Task<(Domain.Collaboration.LibraryDocument? Document, ProblemHttpResult? Denied)> LoadDocumentAsync(int id, ClaimsPrincipal user, PartnershipAccess access, Library library, CancellationToken ct)
    {
        var d = await library.FindAsync(id, ct);
        return d is null || !await access.CanReadAsync(d.PartnershipId, user, ct) ? (null, Problems.NotFound($"No library document {id}.")) : (d, null);
    }

    private static async Task<Results<Ok<Library.DocumentDto>, ProblemHttpResult>> GetLibraryDocument(int id, ClaimsPrincipal user, PartnershipAccess access, Library library, CancellationToken ct)
    {
        var (d, denied) = await LoadDocumentAsync(id, user, access, library, ct);
        return denied ?? (Results<Ok<Library.DocumentDto>, ProblemHttpResult>)TypedResults.Ok(await library.ToDtoAsync(d!, ct));
    }

    private static async Task<Results<Created<Library.DocumentDto>, ProblemHttpResult>> PublishVersion(int id, VersionBody body, ClaimsPrincipal user, PartnershipAccess access, Library library, CancellationToken ct)
    {
        var (d, denied) = await LoadDocumentAsync(id, user, access, library, ct);
        if (denied is not null)
        {
            return denied;
        }

        await library.PublishAsync(d!, MembersApi.ToUpload(body.File), body.ValidFrom, body.DecisionRef, body.ChangeNote, ct);
        return TypedResults.Created($"/api/library/{id}", await library.ToDtoAsync(d!, ct));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> VersionFile(int id, int number, ClaimsPrincipal user, PartnershipAccess access, Library library,
        AppDbContext db, IDocumentStore store, CancellationToken ct)
    {
        var (d, denied) = await LoadDocumentAsync(id, user, access, library, ct);
        if (denied is not null)
        {
            return denied;
        }

        var version = d!.Versions.SingleOrDefault(v => v.Number == number);
        return version is null ? Problems.NotFound($"No version {number}.") : await StreamAsync(version.StoredDocumentId, db, store, ct);
    }

    // ---- External partners (PUR-2) ----
    private static async Task<Results<Ok<List<ExternalPartners.Dto>>, ProblemHttpResult>> ListPartners(string slug, ClaimsPrincipal user, PartnershipAccess access, ExternalPartners partners, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        return denied ?? (Results<Ok<List<ExternalPartners.Dto>>, ProblemHttpResult>)TypedResults.Ok(await partners.ListAsync(p!.Id, user.IsOffice(), ct));
    }

    private static async Task<Results<Created<ExternalPartners.Dto>, ProblemHttpResult>> CreatePartner(string slug, PartnerBody body, ClaimsPrincipal user, PartnershipAccess access, ExternalPartners partners, CancellationToken ct)
    {
        var (p, denied) = await PartnershipAsync(slug, user, access, ct);
        if (denied is not null)
        {
            return denied;
        }

        var partner = await partners.CreateAsync(p!.Id, body.Name, body.Kind, body.Orgnr, body.ContactName, body.ContactEmail, ct);
        return TypedResults.Created($"/api/partnerships/{slug}/external-partners",
            (await partners.ListAsync(p.Id, true, ct)).Single(x => x.Id == partner.Id));
    }

    private static async Task<Results<Ok<ExternalPartners.Dto>, ProblemHttpResult>> LinkPartner(int id, LinkBody body, ClaimsPrincipal user, PartnershipAccess access, ExternalPartners partners, CancellationToken ct)
    {
        var partner = await partners.FindAsync(id, ct);
        if (partner is null || !await access.CanReadAsync(partner.PartnershipId, user, ct))
        {
            return Problems.NotFound($"No external partner {id}.");
        }

        await partners.LinkAsync(partner, body.ProjectId, body.NetworkId, body.Role, ct);
        return TypedResults.Ok((await partners.ListAsync(partner.PartnershipId, true, ct)).Single(x => x.Id == id));
    }
}
