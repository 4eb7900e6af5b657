using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Fees;
using Partnerskap.Domain.Statistics;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Members;

namespace Partnerskap.Web.Features.Fees;

/// <summary>
/// FIN-1/FIN-2 for one partnership and year, no side effects: who is liable (MEM-5), the model version (FIN-6), the
/// population on 1 January and the deflator estimate the model names.
/// </summary>
public static class CalculateFees
{
    /// <param name="Model">A proposed model to compute with instead of the version in force (scenarios); null = the version in force.</param>
    public sealed record Query(int PartnershipId, int Year, FeeModel? Model = null);

    /// <param name="MemberIds">orgnr → member id, for invoicing.</param>
    public sealed record Result(FeeCalculation Calculation, FeeModel? Model, string? IndexEstimate, IReadOnlyDictionary<string, int> MemberIds, IReadOnlyDictionary<string, string?> MunicipalityNumbers);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result> Handle(Query query, CancellationToken ct)
        {
            var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == query.PartnershipId, ct);
            var versions = await db.FeeModels.AsNoTracking().Where(m => m.PartnershipId == query.PartnershipId).ToListAsync(ct);
            var model = query.Model ?? FeeModels.For(versions, query.Year);
            var empty = new Dictionary<string, int>();
            if (query.Year < partnership.AgreementInForceFrom.Year)
            {
                // PUR-6: the first fee year is the year the agreement took effect.
                return new Result(new FeeCalculation(query.Year, [], 0, [$"The agreement took effect in {partnership.AgreementInForceFrom.Year}; there is no fee for {query.Year} (PUR-6)."]), null, null, empty, new Dictionary<string, string?>());
            }

            if (model is null)
            {
                return new Result(new FeeCalculation(query.Year, [], 0, [$"No fee model applies to {query.Year} (FIN-6)."]), null, null, empty, new Dictionary<string, string?>());
            }

            var members = await db.Members.AsNoTracking().WithStatus() // numbers and notices: all OwesFeeFor and the numbers read
                .Where(m => m.PartnershipId == query.PartnershipId)
                .ToListAsync(ct);
            var liable = members.Where(m => m.OwesFeeFor(query.Year)).ToList(); // FIN-1 policy, MEM-5
            var januaryFirst = new DateOnly(query.Year, 1, 1);
            var numbers = liable.ToDictionary(m => m.Orgnr, m => m.MunicipalityNumberOn(januaryFirst));
            var wanted = numbers.Values.Where(n => n is not null).ToList();
            var population = await db.PopulationFigures.AsNoTracking()
                .Where(p => p.Year == query.Year && wanted.Contains(p.MunicipalityNumber))
                .ToDictionaryAsync(p => p.MunicipalityNumber, p => p.Population, ct);
            var estimates = await db.DeflatorEstimates.AsNoTracking()
                .Where(d => d.Estimate == model.IndexEstimate && d.Year <= query.Year)
                .ToListAsync(ct);
            var deflator = estimates.ToDictionary(d => d.Year, d => d.Percent);

            var inputs = liable
                .OrderBy(m => m.Kind).ThenBy(m => m.Name, Bokmal.Order)
                .Select(m => new FeeInput(m.Orgnr, m.Name, m.Kind, numbers[m.Orgnr],
                    numbers[m.Orgnr] is { } n && population.TryGetValue(n, out var p) ? p : null))
                .ToList();
            var calculation = AnnualFee.Calculate(model, query.Year, inputs, deflator);
            calculation = WithSources(calculation, model, estimates);
            return new Result(calculation, model, DeflatorEstimate.ToApi(model.IndexEstimate), liable.ToDictionary(m => m.Orgnr, m => m.Id), numbers);
        }

        /// <summary>FIN-2: every indexed amount names the deflator estimate and source of each year it used.</summary>
        private static FeeCalculation WithSources(FeeCalculation calculation, FeeModel model, List<DeflatorEstimate> estimates)
        {
            var lines = calculation.Lines.Select(line =>
            {
                var schedule = model.ScheduleFor(line.Kind);
                if (schedule is not { IndexFixedAmount: true, FixedAmountBaseYear: { } baseYear })
                {
                    return line;
                }

                var sources = estimates.Where(e => e.Year > baseYear && e.Year <= calculation.Year).OrderBy(e => e.Year)
                    .Select(e => $"Deflator {e.Year} ({DeflatorEstimate.ToApi(e.Estimate)}): {e.Document}; kilde {e.Source}");
                return line with { Sheet = [.. line.Sheet, .. sources] };
            }).ToList();
            return calculation with { Lines = lines };
        }
    }
}
