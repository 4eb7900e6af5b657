using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Fees;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Fees;

/// <summary>FIN-6: the scenario simulator for the annual meeting. Computes, never saves.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class ScenariosModel(PartnershipAccess access, CalculateFees.Handler calculate, AppDbContext db, TimeProvider clock) : PartnershipPage(access)
{
    public sealed record Row(string Name, decimal Current, decimal Proposed);

    public int Year { get; private set; }

    public string? Rate { get; private set; }

    public string? CountyAmount { get; private set; }

    public string? Floor { get; private set; }

    public string? Cap { get; private set; }

    public List<Row> Rows { get; private set; } = [];

    public List<string> Problems { get; private set; } = [];

    public decimal CurrentTotal { get; private set; }

    public decimal ProposedTotal { get; private set; }

    public string CsvUrl => $"{Request.Path}{Request.QueryString.Add("format", "csv")}";

    public async Task<IActionResult> OnGetAsync(string slug, int? year, string? rate, string? countyAmount, string? floor, string? cap, string? format, CancellationToken ct)
    {
        if (await LoadAsync(slug, "fees", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        Year = year ?? PartnershipTime.Today(clock).Year;
        var versions = await db.FeeModels.AsNoTracking().Where(m => m.PartnershipId == Partnership.Id).ToListAsync(ct);
        var current = FeeModels.For(versions, Year) ?? versions.OrderBy(v => v.ValidFromYear).FirstOrDefault();
        var municipality = current?.ScheduleFor(MemberKind.Municipality);
        var county = current?.ScheduleFor(MemberKind.County);
        Rate = rate ?? municipality?.AmountPerInhabitant?.ToString(CultureInfo.InvariantCulture);
        CountyAmount = countyAmount ?? county?.FixedAmount?.ToString(CultureInfo.InvariantCulture);
        Floor = floor;
        Cap = cap;

        var proposed = new FeeModel(Partnership.Id, Year, "Scenario (ikke vedtatt)",
        [
            new FeeSchedule(MemberKind.Municipality, AmountPerInhabitant: Dec(Rate), Floor: Dec(floor), Cap: Dec(cap)),
            new FeeSchedule(MemberKind.County, FixedAmount: Dec(CountyAmount), FixedAmountBaseYear: county?.FixedAmountBaseYear ?? Year,
                IndexFixedAmount: Dec(CountyAmount) is not null && (county?.IndexFixedAmount ?? false)),
        ], current?.IndexEstimate ?? Domain.Statistics.DeflatorEstimateKind.Budget);

        var now = (await calculate.Handle(new CalculateFees.Query(Partnership.Id, Year), ct)).Calculation;
        var then = (await calculate.Handle(new CalculateFees.Query(Partnership.Id, Year, proposed), ct)).Calculation;
        Problems = now.Problems.Concat(then.Problems).Distinct().ToList();
        var proposedByOrgnr = then.Lines.ToDictionary(l => l.Orgnr, l => l.Amount);
        Rows = now.Lines.Select(l => new Row(l.Name, l.Amount, proposedByOrgnr.GetValueOrDefault(l.Orgnr))).ToList();
        CurrentTotal = now.Total;
        ProposedTotal = then.Total;

        if (format == "csv")
        {
            var csv = new StringBuilder("member;current;proposed;change\n");
            foreach (var r in Rows)
            {
                csv.Append(CultureInfo.InvariantCulture, $"\"{r.Name}\";{r.Current:0};{r.Proposed:0};{r.Proposed - r.Current:0}\n");
            }

            return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", $"scenario-{slug}-{Year}.csv");
        }

        return Page();
    }

    private static decimal? Dec(string? value) =>
        decimal.TryParse(value?.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : null;
}
