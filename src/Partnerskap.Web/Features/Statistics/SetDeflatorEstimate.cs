using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Statistics;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;

namespace Partnerskap.Web.Features.Statistics;

/// <summary>
/// FIN-2: records one published estimate of the kommunal deflator for a year (budget, revised, re-estimate or
/// outcome), replacing an earlier figure of the same kind. Every kind is kept; the agreement picks which one indexes.
/// </summary>
public static class SetDeflatorEstimate
{
    /// <param name="Estimate">"budget" (default), "revised", "re-estimate" or "outcome".</param>
    /// <param name="Format">How it came in, for the import log: "api" or "form".</param>
    public sealed record Command(int Year, string? Estimate, decimal? Percent, string? Source, string? Document = null, string Format = "api");

    public sealed record Result(int Year, string Estimate, decimal Percent, string Source);

    /// <summary>The first year accepted; the latest is next year (the state budget for it is published in October).</summary>
    public const int FirstYear = 2000;

    public sealed class Handler(AppDbContext db, AuditContext audit, TimeProvider clock)
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var errors = new Dictionary<string, string>();
            var lastYear = PartnershipTime.Today(clock).Year + 1;
            if (c.Year < FirstYear || c.Year > lastYear)
            {
                errors["year"] = $"The year is {FirstYear}–{lastYear}, not {c.Year}.";
            }

            if (!TryParseKind(c.Estimate, out var kind))
            {
                errors["estimate"] = "The estimate is budget, revised, re-estimate or outcome.";
            }

            if (c.Percent is not { } percent)
            {
                errors["percent"] = "Give the deflator in percent, e.g. 2.5.";
            }
            else if (percent is <= -100 or >= 100)
            {
                errors["percent"] = string.Create(CultureInfo.InvariantCulture, $"{percent} % is not a plausible deflator (between -100 and 100).");
            }

            if (string.IsNullOrWhiteSpace(c.Source))
            {
                errors["source"] = "Name the source: the budget document or a link to it.";
            }
            else if (c.Source.Trim().Length > 1000)
            {
                errors["source"] = "The source is at most 1000 characters.";
            }

            if (c.Document?.Trim().Length > 300)
            {
                errors["document"] = "The document name is at most 300 characters.";
            }

            if (errors.Count > 0)
            {
                throw new ValidationFailed(errors, "FIN-2");
            }

            var value = Normalise(c.Percent!.Value);
            var source = c.Source!.Trim();
            var document = string.IsNullOrWhiteSpace(c.Document) ? null : c.Document.Trim();
            var logged = $"{DeflatorEstimate.ToApi(kind)} {value.ToString(CultureInfo.InvariantCulture)} %: {source}";
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var estimate = await db.DeflatorEstimates.SingleOrDefaultAsync(d => d.Year == c.Year && d.Estimate == kind, ct);
            if (estimate is null)
            {
                db.DeflatorEstimates.Add(new DeflatorEstimate(c.Year, kind, value, source, document));
            }
            else
            {
                estimate.Replace(value, source, document ?? estimate.Document, null);
            }

            db.StatisticsImports.Add(new StatisticsImport
            {
                Kind = "kommunal-deflator",
                Year = c.Year,
                Format = c.Format,
                Source = logged.Length > 1000 ? logged[..1000] : logged,
                ImportedAt = clock.GetUtcNow(),
                ImportedBy = audit.CurrentActor,
                Rows = 1,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Result(c.Year, DeflatorEstimate.ToApi(kind), value, source);
        }
    }

    /// <summary>null or "" → budget (FIN-2's default); otherwise the API name.</summary>
    public static bool TryParseKind(string? text, out DeflatorEstimateKind kind)
    {
        (var ok, kind) = text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "budget" => (true, DeflatorEstimateKind.Budget),
            "revised" => (true, DeflatorEstimateKind.Revised),
            "re-estimate" => (true, DeflatorEstimateKind.Reestimate),
            "outcome" => (true, DeflatorEstimateKind.Outcome),
            _ => (false, DeflatorEstimateKind.Budget),
        };
        return ok;
    }

    /// <summary>2.5000 (PostgreSQL numeric(9,4)) → 2.5, so both providers answer alike.</summary>
    public static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;
}
