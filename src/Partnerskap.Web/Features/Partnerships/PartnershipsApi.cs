using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Partnerships;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Partnerships;

public static class PartnershipsApi
{
    public sealed record PartnershipDto(string Slug, string Name);

    public sealed record CreatePartnership(string? Slug, string? Name, DateOnly? AgreementInForceFrom);

    public sealed record CreatedPartnership(string Slug, string Name, DateOnly AgreementInForceFrom);

    public static IEndpointRouteBuilder MapPartnershipsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/partnerships").WithTags("Partnerships");

        group.MapGet("/", async (ClaimsPrincipal user, PartnershipAccess access, CancellationToken ct) =>
                TypedResults.Ok((await access.ListAsync(user, ct)).Select(p => new PartnershipDto(p.Slug, p.Name))))
            .RequireAuthorization(Policies.LoggedIn)
            .WithSummary("Partnerships the caller may see");

        group.MapPost("/", Create)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Create a partnership (office)");

        return api;
    }

    private static async Task<Results<Created<CreatedPartnership>, ProblemHttpResult>> Create(
        CreatePartnership body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Partnership.IsValidSlug(body.Slug))
        {
            errors["slug"] = ["A slug is 2–40 lower-case letters, digits or hyphens, e.g. \"digivestland\"."];
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = ["Name is required."];
        }

        if (body.AgreementInForceFrom is null)
        {
            errors["agreementInForceFrom"] = ["The date the agreement took effect is required (PUR-6)."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await db.Partnerships.AnyAsync(p => p.Slug == body.Slug, ct))
        {
            return Problems.Conflict($"A partnership with slug '{body.Slug}' already exists.");
        }

        var partnership = new Partnership(body.Slug!, body.Name!, body.AgreementInForceFrom!.Value);
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(
            $"/api/partnerships/{partnership.Slug}",
            new CreatedPartnership(partnership.Slug, partnership.Name, partnership.AgreementInForceFrom));
    }
}
