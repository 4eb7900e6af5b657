using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Users;

public static class UsersApi
{
    /// <param name="Partnerships">Slugs of the partnerships an office or board login works for; none = every partnership (installation administrator).</param>
    public sealed record CreateUser(string? Email, string? Password, string? Name, string[]? Roles, string? Orgnr, string[]? Partnerships = null);

    public sealed record UserDto(string Id, string Email, string Name, IReadOnlyList<string> Roles, string? Orgnr, IReadOnlyList<string>? Partnerships = null);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).WithSummary("Create a login (office)");
        group.MapGet("/", List).RequireAuthorization(Policies.Admin).WithSummary("All logins (office)");
        group.MapGet("/me", Me).RequireAuthorization(Policies.LoggedIn).WithSummary("The caller's own login");
        return api;
    }

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> Create(
        CreateUser body, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var roles = body.Roles ?? [];
        if (string.IsNullOrWhiteSpace(body.Email) || !body.Email.Contains('@', StringComparison.Ordinal))
        {
            errors["email"] = ["A valid e-mail address is required."];
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = ["Name is required."];
        }

        if (roles.Length == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            errors["roles"] = [$"Give one or more of: {string.Join(", ", Roles.All)}."];
        }

        if (roles.Contains(Roles.MemberContact))
        {
            if (!OrganisationNumber.TryParse(body.Orgnr, out var orgnr))
            {
                errors["orgnr"] = ["A member contact needs the orgnr of the organisation it acts for (9 digits, mod-11)."];
            }
            else if (!await db.Members.AnyAsync(m => m.Orgnr == orgnr.Value, ct))
            {
                errors["orgnr"] = [$"{orgnr} is not a member of any partnership."];
            }
        }
        else if (!string.IsNullOrEmpty(body.Orgnr) && !OrganisationNumber.IsValid(body.Orgnr))
        {
            errors["orgnr"] = ["Not a valid organisation number (9 digits, mod-11)."];
        }

        var slugs = (body.Partnerships ?? []).Distinct().ToList();
        var partnershipIds = await db.Partnerships.Where(p => slugs.Contains(p.Slug)).Select(p => new { p.Id, p.Slug }).ToListAsync(ct);
        if (partnershipIds.Count != slugs.Count)
        {
            errors["partnerships"] = [$"Unknown partnership: {string.Join(", ", slugs.Except(partnershipIds.Select(p => p.Slug)))}."];
        }
        else if (slugs.Count > 0 && !roles.Any(r => r is Roles.Office or Roles.Board))
        {
            errors["partnerships"] = ["Only office and board logins are tied to partnerships; a member contact follows its orgnr."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await users.FindByEmailAsync(body.Email!) is not null)
        {
            return Problems.Conflict($"A login with e-mail {body.Email} already exists.");
        }

        var user = new AppUser
        {
            UserName = body.Email,
            Email = body.Email,
            EmailConfirmed = true,
            Name = body.Name!.Trim(),
            Orgnr = string.IsNullOrEmpty(body.Orgnr) ? null : OrganisationNumber.Parse(body.Orgnr).Value,
        };

        // User and roles in one transaction: a rejected password leaves no half-made login.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, body.Password ?? "");
        if (!created.Succeeded)
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                ["password"] = created.Errors.Select(e => e.Description).ToArray(),
            });
        }

        var added = await users.AddToRolesAsync(user, roles.Distinct());
        if (!added.Succeeded)
        {
            return Problems.Invalid("roles", string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        foreach (var p in partnershipIds)
        {
            db.PartnershipAssignments.Add(new PartnershipAssignment { UserId = user.Id, PartnershipId = p.Id });
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/users/{user.Id}", new UserDto(user.Id, user.Email!, user.Name, roles.Distinct().ToList(), user.Orgnr, slugs));
    }

    private static async Task<Ok<List<UserDto>>> List(UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = await db.UserRoles.AsNoTracking().ToListAsync(ct);
        var slugs = await db.Partnerships.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Slug, ct);
        var assignments = await db.PartnershipAssignments.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(all.Select(u => new UserDto(
            u.Id, u.Email!, u.Name,
            userRoles.Where(ur => ur.UserId == u.Id).Select(ur => roleNames[ur.RoleId]).Order().ToList(),
            u.Orgnr,
            assignments.Where(a => a.UserId == u.Id).Select(a => slugs[a.PartnershipId]).Order().ToList())).ToList());
    }

    private static async Task<Results<Ok<UserDto>, NotFound>> Me(ClaimsPrincipal principal, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var partnerships = await db.PartnershipAssignments.Where(a => a.UserId == user.Id)
            .Join(db.Partnerships, a => a.PartnershipId, p => p.Id, (a, p) => p.Slug).OrderBy(s => s).ToListAsync(ct);
        return TypedResults.Ok(new UserDto(user.Id, user.Email!, user.Name, (await users.GetRolesAsync(user)).Order().ToList(), user.Orgnr, partnerships));
    }
}
