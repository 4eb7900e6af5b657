using Partnerskap.Domain.Portfolio;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Partnerskap.Web.Features.Portfolio;

/// <summary>
/// The board's portfolio report as an Excel workbook (SpreadCheetah, MIT): one sheet per table, amounts as numbers in a
/// NOK format, shares as percentages, dates as dates, so the board's secretary can sort and sum.
/// </summary>
public static class PortfolioReportXlsx
{
    public static async Task<byte[]> RenderAsync(PortfolioReport.Report r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        using var stream = new MemoryStream();
        await using (var sheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct))
        {
            var header = sheet.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = System.Drawing.Color.FromArgb(230, 236, 244) } });
            var kr = sheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0 \"kr\";-#,##0 \"kr\"") });
            var krBold = sheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0 \"kr\";-#,##0 \"kr\""), Font = { Bold = true } });
            var percent = sheet.AddStyle(new Style { Format = NumberFormat.Custom("0%") });
            var number = sheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.##") });
            var date = sheet.AddStyle(new Style { Format = NumberFormat.Custom("dd.mm.yyyy") });
            var bold = sheet.AddStyle(new Style { Font = { Bold = true } });

            async Task Start(string name, params double[] widths)
            {
                var options = new WorksheetOptions { FrozenRows = 1 };
                for (var i = 0; i < widths.Length; i++)
                {
                    options.Column(i + 1).Width = widths[i];
                }

                await sheet.StartWorksheetAsync(name, options, ct);
            }

            Task Header(params string[] titles) => sheet.AddRowAsync(titles.Select(t => new Cell(t, header)).ToArray(), ct).AsTask();

            Cell Kr(decimal? v) => v is { } x ? new Cell(x, kr) : new Cell("");

            Cell Pct(decimal? v) => v is { } x ? new Cell(x, percent) : new Cell("");

            Cell Num(decimal? v) => v is { } x ? new Cell(x, number) : new Cell("");

            await Start("Prosjekter", 44, 16, 12, 18, 16, 16, 16, 16);
            await Header("Prosjekt", "Fase", "Status", "Eier", "Godkjent finansiering", "Forbrukt", "Prognose", "Varsel");
            foreach (var p in r.Projects)
            {
                await sheet.AddRowAsync(
                new Cell[]
                {
                    new Cell(p.Name), new Cell(p.Phase.ToApi()), new Cell(p.Status.ToApi()), new Cell(p.OwnerName),
                    Kr(p.Approved), new Cell(p.Spent, kr), Kr(p.Forecast),
                    new Cell(p.OpenEscalation ? "eskalert" : p.ForecastVerdict == Domain.Portfolio.ForecastVerdict.Deficit ? "underdekning"
                        : p.ForecastVerdict == Domain.Portfolio.ForecastVerdict.EarlyWarning ? "tidlig varsel" : ""),
                }, ct);
            }

            await sheet.AddRowAsync(new Cell[] { new Cell("Sum", bold), new Cell(""), new Cell(""), new Cell(""), new Cell(r.Totals.Approved, krBold), new Cell(r.Totals.Spent, krBold), new Cell(r.Totals.Forecast, krBold) }, ct);

            await Start("Eskaleringer", 44, 12, 14, 80);
            await Header("Prosjekt", "Meldt", "Utløst av", "Årsak");
            foreach (var e in r.Escalations)
            {
                await sheet.AddRowAsync(new Cell[] { new Cell(e.ProjectName), new Cell(e.RaisedAt.UtcDateTime.Date, date), new Cell(e.Trigger), new Cell(e.Reason) }, ct);
            }

            await Start("Gevinster", 36, 28, 24, 36, 10, 14, 14, 14, 14, 14, 12);
            await Header("Prosjekt", "Medlem", "Eier hos medlemmet", "Indikator", "Enhet", "Utgangspunkt", "Mål", "Siste måling", "Målt per", "Oppnådd av mål", "Rapportert for perioden");
            foreach (var b in r.Benefits)
            {
                await sheet.AddRowAsync(
                new Cell[]
                {
                    new Cell(b.ProjectName), new Cell(b.MemberName), new Cell(b.OwnerName), new Cell(b.Indicator), new Cell(b.Unit ?? ""),
                    Num(b.Baseline), Num(b.Target), Num(b.Latest),
                    b.LatestPeriod is { } lp ? new Cell(lp.ToDateTime(TimeOnly.MinValue), date) : new Cell(""),
                    Pct(b.Achieved), new Cell(b.Reported ? "ja" : "nei"),
                }, ct);
            }

            await Start("Gevinster per prosjekt", 44, 12, 12, 16);
            await Header("Prosjekt", "Gevinster", "Rapportert", "Oppnådd av mål");
            foreach (var s in r.ByProject)
            {
                await sheet.AddRowAsync(new Cell[] { new Cell(s.Name), new Cell(s.Benefits), new Cell(s.Reported), Pct(s.Achieved) }, ct);
            }

            await Start("Gevinster per medlem", 36, 12, 12, 16);
            await Header("Medlem", "Gevinster", "Rapportert", "Oppnådd av mål");
            foreach (var s in r.ByMember)
            {
                await sheet.AddRowAsync(new Cell[] { new Cell(s.Name), new Cell(s.Benefits), new Cell(s.Reported), Pct(s.Achieved) }, ct);
            }

            await Start("Ikke rapportert", 44, 36, 14);
            await Header("Prosjekt", "Medlem", "Orgnr");
            foreach (var n in r.NotReported)
            {
                await sheet.AddRowAsync(new Cell[] { new Cell(n.ProjectName), new Cell(n.MemberName), new Cell(n.Orgnr) }, ct);
            }

            await sheet.FinishAsync(ct);
        }

        return stream.ToArray();
    }
}
