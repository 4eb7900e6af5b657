using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskap.Domain.Common;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Infrastructure;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Fees;

/// <summary>FIN-1/FIN-2: the year's fee per member with its calculation sheet; the office issues the invoices from here.</summary>
[Authorize(Policy = Policies.LoggedIn)]
public sealed class IndexModel(PartnershipAccess access, CalculateFees.Handler calculate, RunFees.Handler run, TimeProvider clock, Texts t)
    : PartnershipPage(access)
{
    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public FeesApi.FeesDto? Result { get; private set; }

    public bool IsOffice => User.IsOffice();

    public async Task<IActionResult> OnGetAsync(string slug, int? year, CancellationToken ct) =>
        await LoadAsync(slug, year, ct) ?? Page();

    public async Task<IActionResult> OnPostRunAsync(string slug, int? year, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, ct) is { } denied)
        {
            return denied;
        }

        if (!IsOffice)
        {
            return Forbid();
        }

        RunFees.Result? result = null;
        if (await FormErrors.TryAsync(ModelState, t, async () => result = await run.Handle(new RunFees.Command(Partnership.Id, Year), ct)))
        {
            TempData["Message"] = result!.Created == 0
                ? t.F("Fakturaene for {0} var allerede laget ({1} stk.). Ingen nye ble laget.", Year, result.Invoices.Count)
                : t.F("{0} fakturaer er laget for {1}.", result.Created, Year);
            return Redirect($"/{slug}/invoices?year={Year}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, int? year, CancellationToken ct)
    {
        if (await LoadAsync(slug, "fees", publicPage: false, ct) is { } denied)
        {
            return denied;
        }

        var thisYear = PartnershipTime.Today(clock).Year;
        Years = Enumerable.Range(Partnership.AgreementInForceFrom.Year, thisYear + 2 - Partnership.AgreementInForceFrom.Year).Reverse().ToList();
        Year = year is { } y && Years.Contains(y) ? y : Math.Min(thisYear, Years[0]);
        Result = FeesApi.ToDto(await calculate.Handle(new CalculateFees.Query(Partnership.Id, Year), ct));
        return null;
    }
}
