using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Infrastructure.Oidc;

/// <summary>What the provider says about the signed-in person, read through the configured claim names.</summary>
public sealed record ExternalPerson(string Key, string? Email, string? Name, string? Orgnr)
{
    /// <summary>Reads the person from the external principal; null when the person claim is missing.</summary>
    public static ExternalPerson? From(ClaimsPrincipal principal, OidcOptions options)
    {
        var key = Value(principal, options.PersonClaim);
        if (key is null)
        {
            return null;
        }

        var orgnr = string.IsNullOrEmpty(options.OrgnrClaim) ? null : Value(principal, options.OrgnrClaim);
        return new ExternalPerson(
            key,
            Value(principal, options.EmailClaim),
            Value(principal, options.NameClaim),
            OrganisationNumber.TryParse(orgnr, out var number) ? number.Value : null);
    }

    private static string? Value(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } value ? value.Trim() : null;
}

public enum ExternalLoginOutcome
{
    SignedIn,
    MissingPersonClaim,
    NotRegistered,
    NotAMember,
    LockedOut,
    Failed,
}

/// <summary>
/// Maps the person signed in at the OpenID Connect provider to a local login: by external login (provider "oidc" and
/// the person claim), else by e-mail (and remembers the external login), else — with AutoProvision — creates one.
/// </summary>
public sealed class ExternalLoginMapper(UserManager<AppUser> users, AppDbContext db, OidcOptions options)
{
    public async Task<(ExternalLoginOutcome Outcome, AppUser? User)> FindOrCreateAsync(ClaimsPrincipal external, CancellationToken ct)
    {
        if (ExternalPerson.From(external, options) is not { } person)
        {
            return (ExternalLoginOutcome.MissingPersonClaim, null);
        }

        var user = await users.FindByLoginAsync(OidcOptions.Scheme, person.Key);
        if (user is null && person.Email is not null && await users.FindByEmailAsync(person.Email) is { } byEmail)
        {
            user = byEmail;
            if (!(await users.AddLoginAsync(user, Login(person))).Succeeded)
            {
                return (ExternalLoginOutcome.Failed, null);
            }
        }

        if (user is null)
        {
            if (!options.AutoProvision)
            {
                return (ExternalLoginOutcome.NotRegistered, null);
            }

            // A first-time user acts for a member: the orgnr claim must name a member of some partnership.
            if (person.Orgnr is null || !await db.Members.AnyAsync(m => m.Orgnr == person.Orgnr, ct))
            {
                return (ExternalLoginOutcome.NotAMember, null);
            }

            user = await CreateAsync(person);
            if (user is null)
            {
                return (ExternalLoginOutcome.Failed, null);
            }
        }

        return await users.IsLockedOutAsync(user) ? (ExternalLoginOutcome.LockedOut, null) : (ExternalLoginOutcome.SignedIn, user);
    }

    private async Task<AppUser?> CreateAsync(ExternalPerson person)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new AppUser
        {
            UserName = person.Email ?? $"{OidcOptions.Scheme}-{Guid.NewGuid():N}",
            Email = person.Email,
            EmailConfirmed = person.Email is not null,
            Name = person.Name ?? person.Email ?? "",
            Orgnr = person.Orgnr,
        };
        var ok = (await users.CreateAsync(user)).Succeeded
            && (await users.AddToRoleAsync(user, options.DefaultRole)).Succeeded
            && (await users.AddLoginAsync(user, Login(person))).Succeeded;
        if (!ok)
        {
            return null; // the transaction rolls back on dispose
        }

        await transaction.CommitAsync();
        return user;
    }

    private UserLoginInfo Login(ExternalPerson person) => new(OidcOptions.Scheme, person.Key, options.DisplayName);
}
