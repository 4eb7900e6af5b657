using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Members;

public static class MembersApi
{
    public sealed record MemberDto(
        string Orgnr,
        string Name,
        string Kind,
        string? MunicipalityNumber,
        DateOnly JoinedOn,
        string Status,
        DateOnly? ExitEffectiveOn);

    public sealed record MemberDetailsDto(
        string Orgnr,
        string Name,
        string Kind,
        string? MunicipalityNumber,
        DateOnly JoinedOn,
        string? Status,
        DateOnly? ExitEffectiveOn,
        string? SignedBy,
        string? SignedAt,
        DateOnly? SignedOn,
        int? SignedDocumentId,
        AddressDto Address,
        IReadOnlyList<GetMember.NumberPeriod> MunicipalityNumbers,
        IReadOnlyList<GetMember.Contact> Contacts,
        IReadOnlyList<GetMember.Notice> Notices,
        IReadOnlyList<GetMember.HistoryEvent> History);

    public sealed record AddressDto(string? Address, string? PostalCode, string? City, string? InvoiceAddress, string? InvoiceReference, string EhfEndpoint, string EhfScheme);

    public sealed record DocumentBody(string? FileName, string? ContentType, string? ContentBase64);

    public sealed record RegisterMemberBody(
        string? Orgnr, string? Name, string? Kind, string? MunicipalityNumber, DateOnly? JoinedOn,
        string? SignedBy, DateOnly? SignedOn, string? SignedAt, DocumentBody? Document,
        string? Address, string? PostalCode, string? City);

    public sealed record ResignationBody(DateTimeOffset? ReceivedAt, DateOnly? ReceivedOn, DocumentBody? Document);

    public sealed record ResignationResult(DateOnly ReceivedOn, DateOnly EffectiveOn, bool OnTime, int ReceiptDocumentId, IReadOnlyList<string> MailedTo);

    public sealed record ContactBody(string? Name, string? Email, string? Phone, string? Role, DateOnly? From, DateOnly? To);

    public sealed record EndRoleBody(DateOnly? LastDay);

    public sealed record DetailsBody(string? Address, string? PostalCode, string? City, string? InvoiceAddress, string? InvoiceReference, string? EhfEndpoint);

    public static IServiceCollection AddMembers(this IServiceCollection services) => services
        .AddScoped<PartnershipAccess>()
        .AddSingleton<PartnershipDirectory>()
        .AddScoped<ListMembers.Handler>()
        .AddScoped<GetMember.Handler>()
        .AddScoped<MemberDocuments>()
        .AddScoped<RegisterMember.Handler>()
        .AddScoped<RegisterResignation.Handler>()
        .AddScoped<WithdrawResignation.Handler>()
        .AddScoped<MemberChanges.Handler>()
        .AddScoped<RecordSuccession.Handler>();

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/partnerships/{slug}/members").WithTags("Members")
            .RequireAuthorization(Policies.LoggedIn).AddEndpointFilter<RuleViolationFilter>();
        group.MapGet("/", List).WithSummary("The member register as of a date (default today, Europe/Oslo)");
        group.MapGet("/{orgnr}", Get).WithSummary("One member with its contacts and history");
        group.MapPost("/", Register).RequireAuthorization(Policies.Office).WithSummary("Register a member (MEM-2, office)");
        group.MapPost("/{orgnr}/resignation", Resign).RequireAuthorization(Policies.Office)
            .WithSummary("Register written notice of resignation (MEM-3, MEM-4, office)");
        group.MapDelete("/{orgnr}/resignation", Withdraw).RequireAuthorization(Policies.Office)
            .WithSummary("Withdraw a notice before it takes effect (MEM-5, office)");
        group.MapPost("/{orgnr}/contacts", AddContact).WithSummary("Add a contact with a dated role (office or the member's own contact)");
        group.MapPost("/{orgnr}/roles/{roleId:int}/end", EndRole).WithSummary("End a role on a date (office or the member's own contact)");
        group.MapPut("/{orgnr}/details", UpdateDetails).WithSummary("Addresses, invoice reference, EHF endpoint (office or the member's own contact)");
        return api;
    }

    private static async Task<Results<Created<MemberDto>, ProblemHttpResult>> Register(
        string slug, RegisterMemberBody body, ClaimsPrincipal user, PartnershipAccess access, RegisterMember.Handler handler,
        CancellationToken ct)
    {
        var (outcome, partnership) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return Denied(outcome, slug);
        }

        var m = await handler.Handle(new RegisterMember.Command(
            partnership!.Id, body.Orgnr, body.Name, body.Kind, body.MunicipalityNumber, body.JoinedOn, body.SignedBy, body.SignedAt,
            body.SignedOn, ToUpload(body.Document), body.Address, body.PostalCode, body.City), ct);
        return TypedResults.Created(
            $"/api/partnerships/{slug}/members/{m.Orgnr}",
            new MemberDto(m.Orgnr, m.Name, m.Kind.ToApi(), m.MunicipalityNumberOn(m.JoinedOn), m.JoinedOn, MembershipStatus.Member.ToApi(), null));
    }

    private static async Task<Results<Created<ResignationResult>, ProblemHttpResult>> Resign(
        string slug, string orgnr, ResignationBody body, ClaimsPrincipal user, PartnershipAccess access,
        RegisterResignation.Handler handler, CancellationToken ct)
    {
        var resolved = await ResolveAsync(slug, orgnr, user, access, ct);
        if (resolved.Problem is not null)
        {
            return resolved.Problem;
        }

        var upload = ToUpload(body.Document);
        var result = await handler.Handle(new RegisterResignation.Command(resolved.PartnershipId!.Value, resolved.Orgnr!, body.ReceivedAt, body.ReceivedOn, upload), ct);
        return TypedResults.Created(
            $"/api/partnerships/{slug}/members/{resolved.Orgnr}",
            new ResignationResult(result.ReceivedOn, result.EffectiveOn, result.OnTime, result.ReceiptDocumentId, result.MailedTo));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(
        string slug, string orgnr, ClaimsPrincipal user, PartnershipAccess access, WithdrawResignation.Handler handler, CancellationToken ct)
    {
        var resolved = await ResolveAsync(slug, orgnr, user, access, ct);
        if (resolved.Problem is not null)
        {
            return resolved.Problem;
        }

        await handler.Handle(new WithdrawResignation.Command(resolved.PartnershipId!.Value, resolved.Orgnr!), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created, ProblemHttpResult>> AddContact(
        string slug, string orgnr, ContactBody body, ClaimsPrincipal user, PartnershipAccess access, MemberChanges.Handler handler, CancellationToken ct)
    {
        var resolved = await ResolveAsync(slug, orgnr, user, access, ct, edit: true);
        if (resolved.Problem is not null)
        {
            return resolved.Problem;
        }

        await handler.Handle(new MemberChanges.AddContact(resolved.PartnershipId!.Value, resolved.Orgnr!, body.Name, body.Email, body.Phone, body.Role, body.From, body.To), ct);
        return TypedResults.Created($"/api/partnerships/{slug}/members/{resolved.Orgnr}");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndRole(
        string slug, string orgnr, int roleId, EndRoleBody body, ClaimsPrincipal user, PartnershipAccess access, MemberChanges.Handler handler, CancellationToken ct)
    {
        var resolved = await ResolveAsync(slug, orgnr, user, access, ct, edit: true);
        if (resolved.Problem is not null)
        {
            return resolved.Problem;
        }

        await handler.Handle(new MemberChanges.EndRole(resolved.PartnershipId!.Value, resolved.Orgnr!, roleId, body.LastDay), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateDetails(
        string slug, string orgnr, DetailsBody body, ClaimsPrincipal user, PartnershipAccess access, MemberChanges.Handler handler, CancellationToken ct)
    {
        var resolved = await ResolveAsync(slug, orgnr, user, access, ct, edit: true);
        if (resolved.Problem is not null)
        {
            return resolved.Problem;
        }

        await handler.Handle(new MemberChanges.UpdateDetails(resolved.PartnershipId!.Value, resolved.Orgnr!, body.Address, body.PostalCode, body.City, body.InvoiceAddress, body.InvoiceReference, body.EhfEndpoint), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Checks the orgnr's format, the partnership's visibility and (for edits) the caller's right to change this member.</summary>
    private static async Task<(int? PartnershipId, string? Orgnr, ProblemHttpResult? Problem)> ResolveAsync(
        string slug, string orgnr, ClaimsPrincipal user, PartnershipAccess access, CancellationToken ct, bool edit = false)
    {
        if (!OrganisationNumber.TryParse(orgnr, out var number))
        {
            return (null, null, Problems.Invalid("orgnr", $"'{orgnr}' is not a valid organisation number (9 digits, mod-11 check)."));
        }

        var (outcome, partnership) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return (null, null, Denied(outcome, slug));
        }

        if (edit && !MemberAccess.CanEdit(user, number.Value))
        {
            return (null, null, Problems.Forbidden("Only the programme office or the member's own contact may change this member."));
        }

        return (partnership!.Id, number.Value, null);
    }

    internal static Upload? ToUpload(DocumentBody? document)
    {
        if (document is null || string.IsNullOrEmpty(document.ContentBase64))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(document.ContentBase64);
        }
        catch (FormatException)
        {
            throw Domain.Common.RuleViolation.Invalid("document", "contentBase64 is not valid base64.");
        }

        return new Upload(
            string.IsNullOrWhiteSpace(document.FileName) ? "document" : document.FileName,
            string.IsNullOrWhiteSpace(document.ContentType) ? "application/octet-stream" : document.ContentType,
            () => new MemoryStream(bytes));
    }

    private static async Task<Results<Ok<List<MemberDto>>, ProblemHttpResult>> List(
        string slug, string? asOf, ClaimsPrincipal user, PartnershipAccess access, ListMembers.Handler handler,
        TimeProvider clock, CancellationToken ct)
    {
        if (!TryParseAsOf(asOf, clock, out var date))
        {
            return Problems.Invalid("asOf", "asOf must be a date YYYY-MM-DD.");
        }

        var (outcome, partnership) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return Denied(outcome, slug);
        }

        var rows = await handler.Handle(new ListMembers.Query(partnership!.Id, date), ct);
        return TypedResults.Ok(rows.Select(r => new MemberDto(
            r.Orgnr, r.Name, r.Kind.ToApi(), r.MunicipalityNumber, r.JoinedOn, r.Status.ToApi(), r.ExitEffectiveOn)).ToList());
    }

    private static async Task<Results<Ok<MemberDetailsDto>, ProblemHttpResult>> Get(
        string slug, string orgnr, string? asOf, ClaimsPrincipal user, PartnershipAccess access, GetMember.Handler handler,
        TimeProvider clock, CancellationToken ct)
    {
        if (!OrganisationNumber.TryParse(orgnr, out var number))
        {
            return Problems.Invalid("orgnr", $"'{orgnr}' is not a valid organisation number (9 digits, mod-11 check).");
        }

        if (!TryParseAsOf(asOf, clock, out var date))
        {
            return Problems.Invalid("asOf", "asOf must be a date YYYY-MM-DD.");
        }

        var (outcome, partnership) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return Denied(outcome, slug);
        }

        var m = await handler.Handle(new GetMember.Query(partnership!.Id, number.Value, date, MemberAccess.CanSeePersonalData(user, number.Value)), ct);
        if (m is null)
        {
            return Problems.NotFound($"{number} is not a member of {partnership.Name}.");
        }

        return TypedResults.Ok(new MemberDetailsDto(
            m.Orgnr, m.Name, m.Kind.ToApi(), m.MunicipalityNumber, m.JoinedOn, m.Status?.ToApi(), m.ExitEffectiveOn,
            m.SignedBy, m.SignedAt, m.SignedOn, m.SignedDocumentId,
            new AddressDto(m.Address, m.PostalCode, m.City, m.InvoiceAddress, m.InvoiceReference, m.EhfEndpoint, "0192"),
            m.MunicipalityNumbers, m.Contacts, m.Notices, m.History));
    }

    internal static ProblemHttpResult Denied(PartnershipAccess.Outcome outcome, string slug) =>
        outcome == PartnershipAccess.Outcome.NotFound
            ? Problems.NotFound($"No partnership '{slug}'.")
            : Problems.Forbidden($"You do not have access to partnership '{slug}'.");

    internal static bool TryParseAsOf(string? asOf, TimeProvider clock, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(asOf))
        {
            date = PartnershipTime.Today(clock);
            return true;
        }

        return DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out date);
    }
}
