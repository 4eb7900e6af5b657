using System.Globalization;
using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Fees;

/// <summary>One liable member as the calculation sees it (population on 1 January of the fee year, FIN-1).</summary>
public sealed record FeeInput(string Orgnr, string Name, MemberKind Kind, string? MunicipalityNumber, int? Population);

/// <summary>One member's fee with the readable calculation sheet behind it.</summary>
public sealed record FeeLine(string Orgnr, string Name, MemberKind Kind, int? Population, decimal Amount, IReadOnlyList<string> Sheet);

/// <summary>The result: lines, total, and what is missing (a run refuses while <see cref="Problems"/> is not empty).</summary>
public sealed record FeeCalculation(int Year, IReadOnlyList<FeeLine> Lines, decimal Total, IReadOnlyList<string> Problems)
{
    public bool CanInvoice => Problems.Count == 0 && Lines.Count > 0;
}

/// <summary>
/// FIN-1, FIN-2: the yearly fee per member as a pure function. Money is decimal NOK computed exactly and rounded
/// once, at the end, to whole kroner with midpoint away from zero (policy, agreement-rules.md).
/// </summary>
public static class AnnualFee
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>FIN-1/FIN-2 rounding rule: whole kroner, midpoint away from zero, applied once per member.</summary>
    public static decimal RoundToKroner(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// FIN-2: <paramref name="baseAmount"/> × Π(1 + deflator/100) over the years after <paramref name="baseYear"/> up to
    /// and including <paramref name="year"/>, exact (not rounded). Null when a year's deflator is missing.
    /// </summary>
    public static decimal? Indexed(decimal baseAmount, int baseYear, int year, IReadOnlyDictionary<int, decimal> deflatorPercent, List<string>? sheet = null)
    {
        var amount = baseAmount;
        for (var y = baseYear + 1; y <= year; y++)
        {
            if (!deflatorPercent.TryGetValue(y, out var percent))
            {
                return null;
            }

            amount *= 1m + (percent / 100m);
            sheet?.Add(string.Format(Nb, "× (1 + {0:0.0##} %) kommunal deflator {1} = {2:N2} kr", percent, y, amount));
        }

        return amount;
    }

    /// <summary>
    /// Computes every liable member's fee for <paramref name="year"/> under <paramref name="model"/>.
    /// Members who owe nothing under the model (no schedule for their kind, one-off already charged) are left out.
    /// </summary>
    /// <param name="liable">Members liable for the year (FIN-1 policy: member at least one day; MEM-5: not exited before it).</param>
    /// <param name="deflatorPercent">The deflator per year, in the estimate the model names (FIN-2).</param>
    public static FeeCalculation Calculate(FeeModel model, int year, IReadOnlyList<FeeInput> liable, IReadOnlyDictionary<int, decimal> deflatorPercent)
    {
        var lines = new List<FeeLine>();
        var problems = new List<string>();
        if (model.Frequency == ChargeFrequency.OneOff && year != model.ValidFromYear)
        {
            return new FeeCalculation(year, [], 0, []);
        }

        foreach (var member in liable)
        {
            if (model.ScheduleFor(member.Kind) is not { } schedule)
            {
                continue;
            }

            if (schedule.NeedsPopulation && member.Population is null)
            {
                problems.Add($"Missing population on 1 January {year} for {member.Name} ({member.Orgnr}, municipality number {member.MunicipalityNumber ?? "unknown"}).");
                continue;
            }

            var sheet = new List<string>();
            var exact = 0m;
            if (schedule.AmountPerInhabitant is { } rate)
            {
                // FIN-1: rate × registered inhabitants on 1 January.
                var part = rate * member.Population!.Value;
                sheet.Add(string.Format(Nb, "Folketall 1. januar {0}: {1:N0} × {2:N2} kr = {3:N2} kr (FIN-1)", year, member.Population, rate, part));
                exact += part;
            }

            if (schedule.FixedAmount is { } fixedAmount)
            {
                if (schedule.IndexFixedAmount)
                {
                    // FIN-2: indexed by the kommunal deflator from the base year.
                    var indexSheet = new List<string> { string.Format(Nb, "Grunnbeløp {0}: {1:N2} kr (FIN-2)", schedule.FixedAmountBaseYear, fixedAmount) };
                    var indexed = Indexed(fixedAmount, schedule.FixedAmountBaseYear!.Value, year, deflatorPercent, indexSheet);
                    if (indexed is null)
                    {
                        var missing = Enumerable.Range(schedule.FixedAmountBaseYear.Value + 1, Math.Max(0, year - schedule.FixedAmountBaseYear.Value))
                            .Where(y => !deflatorPercent.ContainsKey(y));
                        problems.Add($"Missing kommunal deflator ({model.IndexEstimate.ToString().ToLowerInvariant()} estimate) for {string.Join(", ", missing)}: needed to index {member.Name}'s fee (FIN-2).");
                        continue;
                    }

                    sheet.AddRange(indexSheet);
                    exact += indexed.Value;
                }
                else
                {
                    sheet.Add(string.Format(Nb, "Fast beløp: {0:N2} kr", fixedAmount));
                    exact += fixedAmount;
                }
            }

            if (schedule.Bands is { Count: > 0 } bands)
            {
                var band = bands.FirstOrDefault(b => member.Population >= b.From && (b.To is null || member.Population <= b.To));
                if (band is not null)
                {
                    sheet.Add(string.Format(Nb, "Størrelsesgruppe {0:N0}–{1}: {2:N2} kr", band.From, band.To?.ToString("N0", Nb) ?? "", band.Amount));
                    exact += band.Amount;
                }
            }

            if (schedule.Floor is { } floor && exact < floor)
            {
                sheet.Add(string.Format(Nb, "Minstebeløp {0:N2} kr gjelder", floor));
                exact = floor;
            }

            if (schedule.Cap is { } cap && exact > cap)
            {
                sheet.Add(string.Format(Nb, "Høyeste beløp {0:N2} kr gjelder", cap));
                exact = cap;
            }

            var amount = RoundToKroner(exact);
            sheet.Add(string.Format(Nb, "Avrundet til hele kroner: {0:N0} kr", amount));
            lines.Add(new FeeLine(member.Orgnr, member.Name, member.Kind, member.Population, amount, sheet));
        }

        return new FeeCalculation(year, lines, lines.Sum(l => l.Amount), problems);
    }
}
