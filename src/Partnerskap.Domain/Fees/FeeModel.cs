using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Statistics;

namespace Partnerskap.Domain.Fees;

/// <summary>Whether a fee model charges every year or once (a connection fee, KS Digiorden style).</summary>
public enum ChargeFrequency
{
    Annual,
    OneOff,
}

/// <summary>
/// A size band: members with inhabitants in [<see cref="From"/>, <see cref="To"/>] pay <see cref="Amount"/> (inclusive bounds;
/// <see cref="To"/> null means no upper bound). KS Digiorden: under 5 000 → 25 000, 5 000–10 000 → 40 000, over 10 000 → 60 000.
/// </summary>
public sealed record FeeBand(int From, int? To, decimal Amount);

/// <summary>
/// How one kind of member (county, municipality, other) pays. Components add up: a rate per inhabitant, a fixed
/// amount (optionally indexed by the kommunal deflator from a base year, FIN-2), and a size band. Then floor and cap.
/// </summary>
public sealed record FeeSchedule(
    MemberKind Kind,
    decimal? AmountPerInhabitant = null,
    decimal? FixedAmount = null,
    int? FixedAmountBaseYear = null,
    bool IndexFixedAmount = false,
    IReadOnlyList<FeeBand>? Bands = null,
    decimal? Floor = null,
    decimal? Cap = null)
{
    public bool NeedsPopulation => AmountPerInhabitant is not null || Bands is { Count: > 0 };
}

/// <summary>
/// FIN-6: the fee model is versioned data. Each version applies from <see cref="ValidFromYear"/> until the next version,
/// and names the annual-meeting decision that made it. Versions are never edited: a change is a new version.
/// </summary>
public sealed class FeeModel
{
    private FeeModel()
    {
        Decision = "";
        Schedules = [];
    }

    public FeeModel(int partnershipId, int validFromYear, string decision, IReadOnlyList<FeeSchedule> schedules,
        DeflatorEstimateKind indexEstimate = DeflatorEstimateKind.Budget, ChargeFrequency frequency = ChargeFrequency.Annual)
    {
        if (string.IsNullOrWhiteSpace(decision))
        {
            // FIN-6: only the annual meeting changes the model; name its decision.
            throw RuleViolation.Invalid("decision", "Name the annual-meeting decision this fee model rests on.", "FIN-6");
        }

        if (schedules.Count == 0 || schedules.GroupBy(s => s.Kind).Any(g => g.Count() > 1))
        {
            throw RuleViolation.Invalid("schedules", "Give one schedule per kind of member (county, municipality, other).", "FIN-6");
        }

        foreach (var s in schedules)
        {
            Validate(s);
        }

        PartnershipId = partnershipId;
        ValidFromYear = validFromYear;
        Decision = decision.Trim();
        Schedules = schedules.ToList();
        IndexEstimate = indexEstimate;
        Frequency = frequency;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    /// <summary>The first fee year this version applies to.</summary>
    public int ValidFromYear { get; private set; }

    /// <summary>The annual-meeting decision it rests on (FIN-6).</summary>
    public string Decision { get; private set; }

    public List<FeeSchedule> Schedules { get; private set; }

    /// <summary>FIN-2 policy: which published deflator estimate indexes fixed amounts. Default: the original budget (Prop. 1 S).</summary>
    public DeflatorEstimateKind IndexEstimate { get; private set; }

    public ChargeFrequency Frequency { get; private set; }

    public FeeSchedule? ScheduleFor(MemberKind kind) => Schedules.FirstOrDefault(s => s.Kind == kind);

    /// <summary>DigiViken's model from the agreement: NOK 3 per inhabitant (FIN-1); the county NOK 150,000 from 2022, indexed (FIN-2).</summary>
    public static FeeModel DigiViken2022(int partnershipId) => new(
        partnershipId,
        2022,
        "Partneravtale DigiViken § 4 Finansiering, i kraft 1. januar 2022",
        [
            new FeeSchedule(MemberKind.Municipality, AmountPerInhabitant: 3m),
            new FeeSchedule(MemberKind.County, FixedAmount: 150_000m, FixedAmountBaseYear: 2022, IndexFixedAmount: true),
        ]);

    private static void Validate(FeeSchedule s)
    {
        if (s.AmountPerInhabitant < 0 || s.FixedAmount < 0 || s.Floor < 0 || s.Cap < 0 || s.Bands?.Any(b => b.Amount < 0 || b.From < 0) == true)
        {
            throw RuleViolation.Invalid("schedules", "Amounts cannot be negative.", "FIN-6");
        }

        if (s.IndexFixedAmount && (s.FixedAmount is null || s.FixedAmountBaseYear is null))
        {
            throw RuleViolation.Invalid("schedules", "An indexed fixed amount needs the amount and its base year.", "FIN-2");
        }

        if (s.Floor is { } floor && s.Cap is { } cap && floor > cap)
        {
            throw RuleViolation.Invalid("schedules", "The floor cannot be above the cap.", "FIN-6");
        }

        if (s.Bands is { Count: > 0 } bands)
        {
            var ordered = bands.OrderBy(b => b.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].To is not { } to || to >= ordered[i].From)
                {
                    throw RuleViolation.Invalid("schedules", "Size bands must not overlap.", "FIN-6");
                }
            }
        }
    }
}

/// <summary>FIN-6: the version of the model that applies to a fee year.</summary>
public static class FeeModels
{
    public static FeeModel? For(IEnumerable<FeeModel> versions, int year) =>
        versions.Where(v => v.ValidFromYear <= year).OrderByDescending(v => v.ValidFromYear).FirstOrDefault();
}
