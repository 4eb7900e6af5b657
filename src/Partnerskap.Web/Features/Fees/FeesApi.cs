using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Fees;
using Partnerskap.Domain.Members;
using Partnerskap.Domain.Statistics;
using Partnerskap.Web.Data;
using Partnerskap.Web.Features.Fees.Invoicing;
using Partnerskap.Web.Features.Members;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Infrastructure;

namespace Partnerskap.Web.Features.Fees;

public static class FeesApi
{
    public sealed record FeeModelDto(int ValidFromYear, decimal? AmountPerInhabitant, decimal? CountyBaseAmount, int? CountyBaseYear, string Decision,
        string IndexEstimate, string Frequency, IReadOnlyList<FeeSchedule> Schedules);

    public sealed record FeeModelBody(int? ValidFromYear, decimal? AmountPerInhabitant, decimal? CountyBaseAmount, int? CountyBaseYear, string? Decision,
        string? IndexEstimate, string? Frequency, List<FeeScheduleBody>? Schedules);

    public sealed record FeeScheduleBody(string? Kind, decimal? AmountPerInhabitant, decimal? FixedAmount, int? FixedAmountBaseYear, bool? IndexFixedAmount,
        List<FeeBand>? Bands, decimal? Floor, decimal? Cap);

    public sealed record FeeLineDto(string Orgnr, string Name, string Kind, string? MunicipalityNumber, int? Population, decimal Amount, IReadOnlyList<string> Sheet);

    public sealed record FeesDto(int Year, IReadOnlyList<FeeLineDto> Lines, decimal Total, IReadOnlyList<string> Problems, int? ModelValidFromYear, string? Decision, string? IndexEstimate);

    public sealed record SellerBody(string? SellerOrgnr, string? SellerName, string? Street, string? PostalCode, string? City, string? BankAccount, int? PaymentTermsDays);

    public sealed record RunInvoiceDto(int Id, string Number, string Orgnr, decimal Amount);

    public sealed record RunDto(int Year, int Created, IReadOnlyList<RunInvoiceDto> Invoices);

    public sealed record InvoiceDto(int Id, string Number, string Orgnr, int Year, decimal Amount, DateOnly IssueDate, DateOnly DueDate, string Status,
        string Kind, string BuyerName, DateOnly? PaidOn, string? CreditsNumber);

    public sealed record PaidBody(DateOnly? PaidOn, decimal? Amount);

    public sealed record CreditBody(string? Reason);

    public static IServiceCollection AddFees(this IServiceCollection services) => services
        .AddScoped<CalculateFees.Handler>()
        .AddScoped<RunFees.Handler>()
        .AddScoped<InvoiceFiles>()
        .AddScoped<InvoiceActions>();

    public static IEndpointRouteBuilder MapFeesApi(this IEndpointRouteBuilder api)
    {
        var p = api.MapGroup("/partnerships/{slug}").WithTags("Fees").AddEndpointFilter<RuleViolationFilter>();
        p.MapGet("/fee-models", ListModels).RequireAuthorization(Policies.LoggedIn).WithSummary("Fee model versions (FIN-6)");
        p.MapPost("/fee-models", AddModel).RequireAuthorization(Policies.Office).WithSummary("Add a fee model version from an annual-meeting decision (FIN-6, office)");
        p.MapGet("/fees/{year:int}", Calculate).RequireAuthorization(Policies.LoggedIn).WithSummary("The fee calculation for a year, no side effects (FIN-1, FIN-2)");
        p.MapGet("/fees/{year:int}/csv", CalculateCsv).RequireAuthorization(Policies.LoggedIn).WithSummary("The calculation as CSV");
        p.MapPost("/fees/{year:int}/run", Run).RequireAuthorization(Policies.Office).WithSummary("Issue the year's invoices; idempotent (office)");
        p.MapGet("/invoicing", GetSeller).RequireAuthorization(Policies.Office).WithSummary("The seller on the invoices (ORG-5, office)");
        p.MapPut("/invoicing", PutSeller).RequireAuthorization(Policies.Office).WithSummary("Set the seller on the invoices (ORG-5, office)");
        p.MapGet("/invoices", ListInvoices).RequireAuthorization(Policies.LoggedIn).WithSummary("Invoices (a member contact sees its own organisation's)");

        var i = api.MapGroup("/invoices/{id:int}").WithTags("Fees").AddEndpointFilter<RuleViolationFilter>();
        i.MapGet("/ehf", Ehf).RequireAuthorization(Policies.LoggedIn).WithSummary("EHF 3.0 / PEPPOL BIS Billing 3.0 UBL XML");
        i.MapGet("/pdf", Pdf).RequireAuthorization(Policies.LoggedIn).WithSummary("The invoice as PDF");
        i.MapPost("/sent", (int id, ClaimsPrincipal u, AppDbContext db, PartnershipAccess acc, InvoiceActions a, CancellationToken ct) => Act(id, u, db, acc, pid => a.MarkSentAsync(pid, id, ct), ct))
            .RequireAuthorization(Policies.Office).WithSummary("Mark sent (office)");
        i.MapPost("/paid", (int id, PaidBody body, ClaimsPrincipal u, AppDbContext db, PartnershipAccess acc, InvoiceActions a, CancellationToken ct) => Act(id, u, db, acc, pid => a.MarkPaidAsync(pid, id, body.PaidOn, body.Amount, ct), ct))
            .RequireAuthorization(Policies.Office).WithSummary("Register payment (office)");
        i.MapPost("/credit", (int id, CreditBody body, ClaimsPrincipal u, AppDbContext db, PartnershipAccess acc, InvoiceActions a, CancellationToken ct) => Act(id, u, db, acc, pid => a.CreditAsync(pid, id, body.Reason, ct), ct))
            .RequireAuthorization(Policies.Office).WithSummary("Credit in full with a credit note (office)");
        return api;
    }

    private static async Task<Results<Ok<List<FeeModelDto>>, ProblemHttpResult>> ListModels(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var models = await db.FeeModels.AsNoTracking().Where(m => m.PartnershipId == p!.Id).OrderBy(m => m.ValidFromYear).ToListAsync(ct);
        return TypedResults.Ok(models.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<FeeModelDto>, ProblemHttpResult>> AddModel(string slug, FeeModelBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, AuditContext audit, Records.Records records, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        if (body.ValidFromYear is not { } year || year < p!.AgreementInForceFrom.Year)
        {
            return Problems.Invalid("validFromYear", $"validFromYear is required and not before {p!.AgreementInForceFrom.Year} (PUR-6).", "FIN-6");
        }

        var schedules = body.Schedules is { Count: > 0 }
            ? body.Schedules.Select(ToSchedule).ToList()
            : ContractSchedules(body);
        var estimate = body.IndexEstimate switch
        {
            null or "budget" => DeflatorEstimateKind.Budget,
            "revised" => DeflatorEstimateKind.Revised,
            "outcome" => DeflatorEstimateKind.Outcome,
            _ => throw RuleViolation.Invalid("indexEstimate", "indexEstimate is budget, revised or outcome.", "FIN-2"),
        };
        var frequency = body.Frequency == "one-off" ? ChargeFrequency.OneOff : ChargeFrequency.Annual;
        if (await db.FeeModels.AnyAsync(m => m.PartnershipId == p.Id && m.ValidFromYear == year, ct))
        {
            return Problems.Conflict($"A fee model valid from {year} exists. Models are versions: add one valid from a later year.", "FIN-6");
        }

        var model = new FeeModel(p.Id, year, body.Decision ?? "", schedules, estimate, frequency);
        audit.DecisionRef = model.Decision;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.FeeModels.Add(model);
        await db.SaveChangesAsync(ct);

        // ORG-1: the fee decision is filed in the records (one case per fee model version).
        await records.FileAsync(p.Id, new Records.Records.Filing(
            $"fee-model:{year}", $"Kontingentmodell fra {year}", Domain.Records.EntryType.InternalNoFollowUp,
            $"Vedtak om kontingentmodell fra {year}: {model.Decision}", PartnershipTime.Today(clock)), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/partnerships/{slug}/fee-models", ToDto(model));
    }

    private static List<FeeSchedule> ContractSchedules(FeeModelBody body)
    {
        // The api.md contract: a rate per inhabitant for municipalities, an indexed fixed amount for the county.
        var list = new List<FeeSchedule>();
        if (body.AmountPerInhabitant is { } rate)
        {
            list.Add(new FeeSchedule(MemberKind.Municipality, AmountPerInhabitant: rate));
        }

        if (body.CountyBaseAmount is { } county)
        {
            list.Add(new FeeSchedule(MemberKind.County, FixedAmount: county, FixedAmountBaseYear: body.CountyBaseYear ?? body.ValidFromYear, IndexFixedAmount: true));
        }

        return list;
    }

    private static FeeSchedule ToSchedule(FeeScheduleBody s) =>
        new(MemberNames.TryParseKind(s.Kind, out var kind) ? kind : throw RuleViolation.Invalid("schedules", "Each schedule's kind is county, municipality or other.", "FIN-6"),
            s.AmountPerInhabitant, s.FixedAmount, s.FixedAmountBaseYear, s.IndexFixedAmount ?? false, s.Bands, s.Floor, s.Cap);

    private static FeeModelDto ToDto(FeeModel m)
    {
        var municipality = m.ScheduleFor(MemberKind.Municipality);
        var county = m.ScheduleFor(MemberKind.County);
        return new FeeModelDto(m.ValidFromYear, municipality?.AmountPerInhabitant, county?.FixedAmount, county?.FixedAmountBaseYear, m.Decision,
            DeflatorEstimate.ToApi(m.IndexEstimate), m.Frequency == ChargeFrequency.OneOff ? "one-off" : "annual", m.Schedules);
    }

    private static async Task<Results<Ok<FeesDto>, ProblemHttpResult>> Calculate(string slug, int year, ClaimsPrincipal user, PartnershipAccess access, CalculateFees.Handler handler, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        return TypedResults.Ok(ToDto(await handler.Handle(new CalculateFees.Query(p!.Id, year), ct)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CalculateCsv(string slug, int year, ClaimsPrincipal user, PartnershipAccess access, CalculateFees.Handler handler, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var result = ToDto(await handler.Handle(new CalculateFees.Query(p!.Id, year), ct));
        var csv = new StringBuilder("orgnr;name;kind;municipalityNumber;population;amount\n");
        foreach (var l in result.Lines)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{l.Orgnr};\"{l.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";{l.Kind};{l.MunicipalityNumber};{l.Population};{l.Amount:0}\n");
        }

        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", $"kontingent-{slug}-{year}.csv");
    }

    public static FeesDto ToDto(CalculateFees.Result r) => new(
        r.Calculation.Year,
        r.Calculation.Lines.Select(l => new FeeLineDto(l.Orgnr, l.Name, l.Kind.ToApi(), r.MunicipalityNumbers.GetValueOrDefault(l.Orgnr), l.Population, l.Amount, l.Sheet)).ToList(),
        r.Calculation.Total,
        r.Calculation.Problems,
        r.Model?.ValidFromYear,
        r.Model?.Decision,
        r.IndexEstimate);

    private static async Task<Results<Ok<RunDto>, ProblemHttpResult>> Run(string slug, int year, ClaimsPrincipal user, PartnershipAccess access, RunFees.Handler handler, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var result = await handler.Handle(new RunFees.Command(p!.Id, year), ct);
        return TypedResults.Ok(new RunDto(result.Year, result.Created, result.Invoices.Select(i => new RunInvoiceDto(i.Id, i.Number, i.Orgnr, i.Amount)).ToList()));
    }

    private static async Task<Results<Ok<SellerBody>, ProblemHttpResult>> GetSeller(string slug, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var s = await db.InvoicingSettings.AsNoTracking().SingleOrDefaultAsync(x => x.PartnershipId == p!.Id, ct);
        return s is null
            ? Problems.NotFound("The seller is not set yet.")
            : TypedResults.Ok(new SellerBody(s.SellerOrgnr, s.SellerName, s.Street, s.PostalCode, s.City, s.BankAccount, s.PaymentTermsDays));
    }

    private static async Task<Results<Ok<SellerBody>, ProblemHttpResult>> PutSeller(string slug, SellerBody body, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        var s = await db.InvoicingSettings.SingleOrDefaultAsync(x => x.PartnershipId == p!.Id, ct);
        if (s is null)
        {
            s = new InvoicingSettings(p!.Id);
            db.InvoicingSettings.Add(s);
        }

        s.Set(body.SellerOrgnr, body.SellerName, body.Street, body.PostalCode, body.City, body.BankAccount, body.PaymentTermsDays);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new SellerBody(s.SellerOrgnr, s.SellerName, s.Street, s.PostalCode, s.City, s.BankAccount, s.PaymentTermsDays));
    }

    private static async Task<Results<Ok<List<InvoiceDto>>, ProblemHttpResult>> ListInvoices(string slug, int? year, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, CancellationToken ct)
    {
        var (outcome, p) = await access.ReadAsync(slug, user, ct);
        if (outcome != PartnershipAccess.Outcome.Allowed)
        {
            return MembersApi.Denied(outcome, slug);
        }

        return TypedResults.Ok(await ListAsync(db, p!.Id, year, user, ct));
    }

    public static async Task<List<InvoiceDto>> ListAsync(AppDbContext db, int partnershipId, int? year, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = db.Invoices.AsNoTracking().Where(i => i.PartnershipId == partnershipId);
        if (year is { } y)
        {
            query = query.Where(i => i.FeeYear == y);
        }

        if (!user.IsOffice() && !user.IsInRole(Roles.Board))
        {
            var orgnr = user.Orgnr();
            query = query.Where(i => i.Orgnr == orgnr); // a member contact sees its own organisation's invoices
        }

        // Only the listed columns (not the seller, addresses, description and calculation sheet of every invoice):
        // ten years of invoices are read on every request to the invoices page (issue 9 load bench).
        var list = await query.OrderBy(i => i.IssueYear).ThenBy(i => i.Sequence)
            .Select(i => new { i.Id, i.Number, i.Orgnr, i.FeeYear, i.Amount, i.IssueDate, i.DueDate, i.Status, i.Kind, i.BuyerName, i.PaidOn, i.CreditsInvoiceId })
            .ToListAsync(ct);
        var numbers = list.ToDictionary(i => i.Id, i => i.Number);
        return list.Select(i => new InvoiceDto(i.Id, i.Number, i.Orgnr, i.FeeYear, i.Amount, i.IssueDate, i.DueDate, i.Status.ToApi(),
            i.Kind == InvoiceKind.CreditNote ? "credit-note" : "invoice", i.BuyerName, i.PaidOn,
            i.CreditsInvoiceId is { } c ? numbers.GetValueOrDefault(c) : null)).ToList();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Ehf(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, InvoiceFiles files, CancellationToken ct)
    {
        if (await AccessAsync(id, user, db, access, ct) is { } denied)
        {
            return denied;
        }

        var document = await files.DocumentAsync(id, ct);
        return TypedResults.Content(EhfInvoice.ToXml(document!), "application/xml", Encoding.UTF8);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, InvoiceFiles files, CancellationToken ct)
    {
        if (await AccessAsync(id, user, db, access, ct) is { } denied)
        {
            return denied;
        }

        var document = await files.DocumentAsync(id, ct);
        return TypedResults.File(InvoicePdf.Render(document!), "application/pdf", $"faktura-{document!.Number}.pdf");
    }

    /// <summary>Office and board see every invoice of their partnerships; a member contact only its own organisation's.</summary>
    private static async Task<ProblemHttpResult?> AccessAsync(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.PartnershipId, i.Orgnr }).SingleOrDefaultAsync(ct);
        if (invoice is null || !await access.CanReadAsync(invoice.PartnershipId, user, ct))
        {
            return Problems.NotFound($"No invoice {id}.");
        }

        return user.IsOffice() || user.IsInRole(Roles.Board) || user.Orgnr() == invoice.Orgnr
            ? null
            : Problems.Forbidden("An invoice is for the office, the board and the member it is addressed to.");
    }

    private static async Task<Results<Ok<InvoiceDto>, ProblemHttpResult>> Act(int id, ClaimsPrincipal user, AppDbContext db, PartnershipAccess access, Func<int, Task<Invoice>> action, CancellationToken ct)
    {
        var partnershipId = await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.PartnershipId).SingleOrDefaultAsync(ct);
        if (partnershipId is null || !await access.CanReadAsync(partnershipId.Value, user, ct)) // an office tied to another partnership sees no such invoice
        {
            return Problems.NotFound($"No invoice {id}.");
        }

        var i = await action(partnershipId.Value);
        return TypedResults.Ok(new InvoiceDto(i.Id, i.Number, i.Orgnr, i.FeeYear, i.Amount, i.IssueDate, i.DueDate, i.Status.ToApi(),
            i.Kind == InvoiceKind.CreditNote ? "credit-note" : "invoice", i.BuyerName, i.PaidOn, null));
    }
}
