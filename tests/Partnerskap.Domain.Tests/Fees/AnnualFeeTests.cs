using CsCheck;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Fees;
using Partnerskap.Domain.Members;

namespace Partnerskap.Domain.Tests.Fees;

public class AnnualFeeTests
{
    private static readonly FeeModel DigiViken = FeeModel.DigiViken2022(1);

    /// <summary>Budget (Prop. 1 S) estimates from the shipped kommunal-deflator.csv.</summary>
    private static readonly Dictionary<int, decimal> Budget = new() { [2022] = 2.5m, [2023] = 3.7m, [2024] = 4.3m, [2025] = 4.1m };

    private static FeeInput Municipality(string name, int? population) => new("920125298", name, MemberKind.Municipality, "3025", population);

    private static readonly FeeInput Viken = new("921693230", "Viken fylkeskommune", MemberKind.County, null, null);

    [Theory]
    [InlineData("Asker", 96_088, 288_264)] // 1 January 2022 (SSB 07459)
    [InlineData("Bærum", 128_982, 386_946)]
    [InlineData("Lillestrøm", 89_095, 267_285)]
    public void FIN_1_a_municipality_pays_3_kroner_per_registered_inhabitant(string name, int population, int expected)
    {
        var fee = AnnualFee.Calculate(DigiViken, 2022, [Municipality(name, population)], Budget);
        Assert.Equal(expected, fee.Lines.Single().Amount);
        Assert.Contains(fee.Lines.Single().Sheet, l => l.Contains("FIN-1", StringComparison.Ordinal));
    }

    [Fact]
    public void FIN_1_missing_population_stops_the_calculation_and_names_the_member()
    {
        var fee = AnnualFee.Calculate(DigiViken, 2023, [Municipality("Asker", null), Viken], Budget);
        Assert.False(fee.CanInvoice);
        Assert.Contains(fee.Problems, p => p.Contains("Asker", StringComparison.Ordinal) && p.Contains("2023", StringComparison.Ordinal));
    }

    [Fact]
    public void FIN_2_the_county_pays_150000_in_the_base_year() =>
        Assert.Equal(150_000m, AnnualFee.Calculate(DigiViken, 2022, [Viken], Budget).Total);

    [Theory]
    [InlineData(2023, 155_550)]  // 150 000 × 1.037
    [InlineData(2024, 162_239)]  // × 1.043 = 162 238.65 → rounded once at the end
    [InlineData(2025, 168_890)]  // × 1.041 = 168 890.43465
    public void FIN_2_the_county_fee_is_indexed_by_the_budget_deflator_and_rounded_once(int year, int expected) =>
        Assert.Equal(expected, AnnualFee.Calculate(DigiViken, year, [Viken], Budget).Total);

    [Fact]
    public void FIN_2_rounding_happens_once_at_the_end_not_per_year()
    {
        // Rounding each year would give 150 000 → 155 550 → 162 239 (same) → 168 891 (162 239 × 1.041 = 168 890.799).
        var perYear = AnnualFee.RoundToKroner(AnnualFee.RoundToKroner(155_550m * 1.043m) * 1.041m);
        Assert.Equal(168_891m, perYear);
        Assert.Equal(168_890m, AnnualFee.Calculate(DigiViken, 2025, [Viken], Budget).Total);
    }

    [Fact]
    public void FIN_2_midpoint_rounds_away_from_zero()
    {
        Assert.Equal(3m, AnnualFee.RoundToKroner(2.5m));
        Assert.Equal(162_239m, AnnualFee.RoundToKroner(162_238.5m));
    }

    [Fact]
    public void FIN_2_a_missing_deflator_year_stops_the_calculation_and_names_the_year()
    {
        var fee = AnnualFee.Calculate(DigiViken, 2026, [Viken], Budget);
        Assert.False(fee.CanInvoice);
        Assert.Contains(fee.Problems, p => p.Contains("2026", StringComparison.Ordinal) && p.Contains("FIN-2", StringComparison.Ordinal));
    }

    [Fact]
    public void FIN_6_a_model_needs_the_annual_meeting_decision() =>
        Assert.Equal("FIN-6", Assert.Throws<RuleViolation>(() => new FeeModel(1, 2027, "", [new FeeSchedule(MemberKind.Municipality, 4m)])).Rule);

    [Fact]
    public void FIN_6_the_newest_version_valid_for_the_year_applies()
    {
        var v2027 = new FeeModel(1, 2027, "Årsmøtet 2026 sak 5", [new FeeSchedule(MemberKind.Municipality, AmountPerInhabitant: 4m)]);
        Assert.Same(DigiViken, FeeModels.For([DigiViken, v2027], 2026));
        Assert.Same(v2027, FeeModels.For([DigiViken, v2027], 2027));
        Assert.Null(FeeModels.For([DigiViken, v2027], 2021));
    }

    [Fact]
    public void FIN_6_other_networks_models_size_bands_fixed_amounts_caps_and_one_off_charges()
    {
        // KS Digiorden: one-off connection fee by size band.
        var digiorden = new FeeModel(2, 2025, "Styremøte 2025", [new FeeSchedule(MemberKind.Municipality,
            Bands: [new FeeBand(0, 4_999, 25_000m), new FeeBand(5_000, 10_000, 40_000m), new FeeBand(10_001, null, 60_000m)])],
            frequency: ChargeFrequency.OneOff);
        var small = new FeeInput("100000008", "Liten", MemberKind.Municipality, "0001", 3_000);
        var big = new FeeInput("100000016", "Stor", MemberKind.Municipality, "0002", 50_000);
        Assert.Equal(85_000m, AnnualFee.Calculate(digiorden, 2025, [small, big], Budget).Total);
        Assert.Equal(0m, AnnualFee.Calculate(digiorden, 2026, [small, big], Budget).Total);

        // KS Digifin: 20 per inhabitant for municipalities, 5 for counties; a cap and a fixed amount per member.
        var capped = new FeeModel(3, 2025, "Årsmøtet", [
            new FeeSchedule(MemberKind.Municipality, AmountPerInhabitant: 20m, Cap: 500_000m),
            new FeeSchedule(MemberKind.County, AmountPerInhabitant: 5m),
            new FeeSchedule(MemberKind.Other, FixedAmount: 10_000m),
        ]);
        var county = new FeeInput("921693230", "Fylket", MemberKind.County, null, 100_000);
        var other = new FeeInput("100000024", "Annen", MemberKind.Other, null, null);
        var fee = AnnualFee.Calculate(capped, 2025, [small, big, county, other], Budget);
        Assert.Equal([60_000m, 500_000m, 500_000m, 10_000m], fee.Lines.Select(l => l.Amount));
    }

    [Fact]
    public void FIN_1_total_is_the_sum_of_the_lines_and_every_line_is_whole_kroner() =>
        Gen.Select(Gen.Int[0, 800_000].Array[1, 60], Gen.Decimal[0m, 20m]).Sample((populations, rate) =>
        {
            var model = new FeeModel(1, 2020, "test", [new FeeSchedule(MemberKind.Municipality, AmountPerInhabitant: Math.Round(rate, 3))]);
            var inputs = populations.Select((p, i) => new FeeInput($"{i}", $"M{i}", MemberKind.Municipality, "3001", p)).ToList();
            var fee = AnnualFee.Calculate(model, 2024, inputs, Budget);
            return fee.Total == fee.Lines.Sum(l => l.Amount)
                && fee.Lines.All(l => l.Amount == decimal.Truncate(l.Amount))
                && fee.Lines.Zip(populations).All(x => Math.Abs(x.First.Amount - (Math.Round(rate, 3) * x.Second)) <= 0.5m);
        });

    [Fact]
    public void FIN_2_indexing_never_decreases_with_non_negative_deflators() =>
        Gen.Decimal[0m, 15m].Array[1, 10].Sample(percents =>
        {
            var deflator = percents.Select((p, i) => (Year: 2023 + i, P: Math.Round(p, 1))).ToDictionary(x => x.Year, x => x.P);
            var last = 2022 + percents.Length;
            var previous = 150_000m;
            for (var y = 2023; y <= last; y++)
            {
                var value = AnnualFee.Indexed(150_000m, 2022, y, deflator)!.Value;
                if (value < previous)
                {
                    return false;
                }

                previous = value;
            }

            return true;
        });
}
