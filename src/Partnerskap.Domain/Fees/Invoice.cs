using Partnerskap.Domain.Common;

namespace Partnerskap.Domain.Fees;

public enum InvoiceKind
{
    Invoice,
    CreditNote,
}

public enum InvoiceStatus
{
    Issued,
    Sent,
    Paid,
    Credited,
}

/// <summary>The seller on the invoices: the host organisation (ORG-5), a partnership setting.</summary>
public sealed class InvoicingSettings
{
    private InvoicingSettings()
    {
        SellerOrgnr = SellerName = Street = PostalCode = City = BankAccount = "";
    }

    public InvoicingSettings(int partnershipId) : this() => PartnershipId = partnershipId;

    public int PartnershipId { get; private set; }

    public string SellerOrgnr { get; private set; }

    public string SellerName { get; private set; }

    public string Street { get; private set; }

    public string PostalCode { get; private set; }

    public string City { get; private set; }

    /// <summary>Norwegian bank account number, 11 digits.</summary>
    public string BankAccount { get; private set; }

    public int PaymentTermsDays { get; private set; } = 30;

    public void Set(string? sellerOrgnr, string? sellerName, string? street, string? postalCode, string? city, string? bankAccount, int? paymentTermsDays)
    {
        var errors = new List<(string Field, string Message)>();
        if (!Members.OrganisationNumber.IsValid(sellerOrgnr))
        {
            errors.Add(("sellerOrgnr", "The seller's organisation number (9 digits, mod-11) is required."));
        }

        if (string.IsNullOrWhiteSpace(sellerName))
        {
            errors.Add(("sellerName", "The seller's name is required."));
        }

        if (string.IsNullOrWhiteSpace(street) || string.IsNullOrWhiteSpace(city) || postalCode is not { Length: 4 } || !postalCode.All(char.IsAsciiDigit))
        {
            errors.Add(("street", "Street, four-digit postal code and city are required."));
        }

        var account = bankAccount?.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (account is not { Length: 11 } || !account.All(char.IsAsciiDigit))
        {
            errors.Add(("bankAccount", "A Norwegian bank account number has 11 digits."));
        }

        if (paymentTermsDays is < 1 or > 120)
        {
            errors.Add(("paymentTermsDays", "Payment terms are 1–120 days."));
        }

        if (errors.Count > 0)
        {
            throw RuleViolation.Invalid(errors[0].Field, string.Join(" ", errors.Select(e => e.Message)), "ORG-5");
        }

        SellerOrgnr = sellerOrgnr!;
        SellerName = sellerName!.Trim();
        Street = street!.Trim();
        PostalCode = postalCode!;
        City = city!.Trim();
        BankAccount = account!;
        PaymentTermsDays = paymentTermsDays ?? 30;
    }
}

/// <summary>
/// An invoice or credit note issued by the host (ORG-5). Never edited or deleted: status moves forward, and a correction
/// is a credit note followed by a new invoice. Buyer and seller are snapshots as of issue.
/// </summary>
public sealed class Invoice
{
    private Invoice()
    {
        Number = Orgnr = BuyerName = BuyerEndpoint = SellerOrgnr = SellerName = SellerAddress = BankAccount = Sheet = Description = "";
    }

    /// <summary>
    /// An invoice to a member, issued <paramref name="today"/>: buyer name, address, EHF endpoint and reference from the
    /// member; due after the seller's payment terms. Used by the fee run and by member contributions (FIN-1, FIN-7).
    /// </summary>
    public static Invoice ToMember(int partnershipId, int sequence, int feeYear, Members.Member member, decimal amount, DateOnly today,
        InvoicingSettings seller, string description, IReadOnlyList<string> sheet, int? feeModelId = null, string? indexEstimate = null,
        int? projectId = null, int? financingPlanId = null)
    {
        var address = string.Join("\n", member.AddressLines());
        return new Invoice(partnershipId, InvoiceKind.Invoice, today.Year, sequence, feeYear, member.Id, member.Orgnr, member.Name,
            address.Length == 0 ? null : address, member.EhfEndpoint, member.InvoiceReference, amount, today,
            today.AddDays(seller.PaymentTermsDays), seller, description, sheet, feeModelId, indexEstimate, null, projectId, financingPlanId);
    }

    public Invoice(
        int partnershipId, InvoiceKind kind, int issueYear, int sequence, int feeYear, int memberId, string orgnr, string buyerName,
        string? buyerAddress, string buyerEndpoint, string? buyerReference, decimal amount, DateOnly issueDate, DateOnly dueDate,
        InvoicingSettings seller, string description, IReadOnlyList<string> sheet, int? feeModelId, string? indexEstimate, int? creditsInvoiceId = null,
        int? projectId = null, int? financingPlanId = null)
        : this()
    {
        if (amount < 0)
        {
            throw RuleViolation.Invalid("amount", "An invoice amount cannot be negative; use a credit note.");
        }

        PartnershipId = partnershipId;
        Kind = kind;
        IssueYear = issueYear;
        Sequence = sequence;
        Number = FormatNumber(issueYear, sequence);
        FeeYear = feeYear;
        MemberId = memberId;
        Orgnr = orgnr;
        BuyerName = buyerName;
        BuyerAddress = buyerAddress;
        BuyerEndpoint = buyerEndpoint;
        BuyerReference = buyerReference;
        Amount = amount;
        IssueDate = issueDate;
        DueDate = dueDate;
        SellerOrgnr = seller.SellerOrgnr;
        SellerName = seller.SellerName;
        SellerAddress = $"{seller.Street}\n{seller.PostalCode} {seller.City}";
        BankAccount = seller.BankAccount;
        Description = description;
        Sheet = string.Join("\n", sheet);
        FeeModelId = feeModelId;
        IndexEstimate = indexEstimate;
        CreditsInvoiceId = creditsInvoiceId;
        ProjectId = projectId;
        FinancingPlanId = financingPlanId;
        Status = InvoiceStatus.Issued;
    }

    public int Id { get; private set; }

    public int PartnershipId { get; private set; }

    public InvoiceKind Kind { get; private set; }

    /// <summary>"2026-00001": issue year and a gapless sequence within it, per partnership.</summary>
    public string Number { get; private set; }

    public int IssueYear { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>The fee year invoiced.</summary>
    public int FeeYear { get; private set; }

    public int MemberId { get; private set; }

    public string Orgnr { get; private set; }

    public string BuyerName { get; private set; }

    public string? BuyerAddress { get; private set; }

    /// <summary>EHF endpoint (scheme 0192).</summary>
    public string BuyerEndpoint { get; private set; }

    public string? BuyerReference { get; private set; }

    /// <summary>Whole kroner (FIN-1/FIN-2 rounding applied in the calculation).</summary>
    public decimal Amount { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    public InvoiceStatus Status { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public decimal? PaidAmount { get; private set; }

    public string SellerOrgnr { get; private set; }

    public string SellerName { get; private set; }

    public string SellerAddress { get; private set; }

    public string BankAccount { get; private set; }

    public string Description { get; private set; }

    /// <summary>The calculation sheet, one line per step (FIN-1/FIN-2), as shown on the PDF.</summary>
    public string Sheet { get; private set; }

    public int? FeeModelId { get; private set; }

    /// <summary>FIN-2: which deflator estimate indexed the amount, when one did.</summary>
    public string? IndexEstimate { get; private set; }

    /// <summary>For a credit note: the invoice it credits.</summary>
    public int? CreditsInvoiceId { get; private set; }

    public string? CreditReason { get; private set; }

    /// <summary>FIN-7: a member-contribution invoice names the project it pays towards (null for a fee invoice).</summary>
    public int? ProjectId { get; private set; }

    /// <summary>FIN-7: and the approved financing-plan version whose cost-sharing key gave the amount (null for a fee invoice).</summary>
    public int? FinancingPlanId { get; private set; }

    /// <summary>A fee invoice (FIN-1/FIN-2) rather than a member contribution to a project (FIN-7).</summary>
    public bool IsFee => FinancingPlanId is null;

    public static string FormatNumber(int year, int sequence) => $"{year}-{sequence:D5}";

    public void MarkSent(DateTimeOffset at)
    {
        if (Status != InvoiceStatus.Issued)
        {
            throw RuleViolation.Conflict($"Invoice {Number} is {Status.ToString().ToLowerInvariant()}; only an issued invoice can be marked sent.");
        }

        Status = InvoiceStatus.Sent;
        SentAt = at.ToUniversalTime();
    }

    public void MarkPaid(DateOnly on, decimal amount)
    {
        if (Kind != InvoiceKind.Invoice || Status is InvoiceStatus.Paid or InvoiceStatus.Credited)
        {
            throw RuleViolation.Conflict($"Invoice {Number} is {Status.ToString().ToLowerInvariant()} and cannot be marked paid.");
        }

        if (amount != Amount)
        {
            throw RuleViolation.Invalid("amount", $"The payment ({amount:0.00}) does not match the invoice amount ({Amount:0.00}). Register the exact amount, or credit and reissue.");
        }

        Status = InvoiceStatus.Paid;
        PaidOn = on;
        PaidAmount = amount;
    }

    /// <summary>Marks this invoice credited by a credit note (created by the caller with its own number).</summary>
    public void MarkCredited(string reason)
    {
        if (Kind != InvoiceKind.Invoice || Status == InvoiceStatus.Credited)
        {
            throw RuleViolation.Conflict($"Invoice {Number} cannot be credited (it is a credit note or already credited).");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RuleViolation.Invalid("reason", "Give the reason for the credit note.");
        }

        Status = InvoiceStatus.Credited;
        CreditReason = reason.Trim();
    }
}

public static class InvoiceNames
{
    public static string ToApi(this InvoiceStatus status) => status.ToString().ToLowerInvariant();
}
