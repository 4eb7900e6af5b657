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
        IReadOnlyList<GetMember.NumberPeriod> MunicipalityNumbers,
        IReadOnlyList<GetMember.Contact> Contacts,
        IReadOnlyList<GetMember.HistoryEvent> History);

    public static IServiceCollection AddMembers(this IServiceCollection services) => services
        .AddScoped<PartnershipAccess>()
        .AddScoped<ListMembers.Handler>()
        .AddScoped<GetMember.Handler>();

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/partnerships/{slug}/members").WithTags("Members").RequireAuthorization(Policies.LoggedIn);
        group.MapGet("/", List).WithSummary("The member register as of a date (default today, Europe/Oslo)");
        group.MapGet("/{orgnr}", Get).WithSummary("One member with its contacts and history");
        return api;
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

        var m = await handler.Handle(new GetMember.Query(partnership!.Id, number.Value, date), ct);
        if (m is null)
        {
            return Problems.NotFound($"{number} is not a member of {partnership.Name}.");
        }

        return TypedResults.Ok(new MemberDetailsDto(
            m.Orgnr, m.Name, m.Kind.ToApi(), m.MunicipalityNumber, m.JoinedOn, m.Status?.ToApi(), m.ExitEffectiveOn,
            m.SignedBy, m.SignedAt, m.SignedOn, m.MunicipalityNumbers, m.Contacts, m.History));
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
