using Microsoft.EntityFrameworkCore;
using Partnerskap.Domain.Common;
using Partnerskap.Domain.Members;
using Partnerskap.Web.Data;

namespace Partnerskap.Web.Features.Members;

/// <summary>MEM-1, MEM-2: registers an organisation as a member, with the signature (and signed document) behind it.</summary>
public static class RegisterMember
{
    public sealed record Command(
        int PartnershipId,
        string? Orgnr,
        string? Name,
        string? Kind,
        string? MunicipalityNumber,
        DateOnly? JoinedOn,
        string? SignedBy,
        string? SignedAt,
        DateOnly? SignedOn,
        Upload? SignedDocument,
        string? Address = null,
        string? PostalCode = null,
        string? City = null);

    public sealed class Handler(AppDbContext db, MemberDocuments documents, Records.Records records, TimeProvider clock)
    {
        public async Task<Member> Handle(Command c, CancellationToken ct)
        {
            var errors = new Dictionary<string, string>();
            if (!OrganisationNumber.TryParse(c.Orgnr, out var orgnr))
            {
                errors["orgnr"] = "Not a valid organisation number: 9 digits with a correct mod-11 check digit.";
            }

            if (string.IsNullOrWhiteSpace(c.Name))
            {
                errors["name"] = "The organisation's name is required.";
            }

            if (!MemberNames.TryParseKind(c.Kind, out var kind))
            {
                errors["kind"] = "Kind is county, municipality or other.";
            }

            MunicipalityNumber? number = null;
            if (kind == MemberKind.Municipality)
            {
                if (!Domain.Members.MunicipalityNumber.TryParse(c.MunicipalityNumber, out var parsed))
                {
                    errors["municipalityNumber"] = "A municipality needs its municipality number: four digits, e.g. 3201.";
                }
                else if (!await IsKnownAsync(parsed.Value, ct))
                {
                    errors["municipalityNumber"] = $"Unknown municipality number {parsed}: it is neither in the imported population statistics nor in any member's record.";
                }
                else
                {
                    number = parsed;
                }
            }
            else if (!string.IsNullOrWhiteSpace(c.MunicipalityNumber))
            {
                errors["municipalityNumber"] = "Only municipalities have a municipality number.";
            }

            // MEM-2: membership starts on the signing date unless another start date is given.
            var joinedOn = c.JoinedOn ?? c.SignedOn;
            if (joinedOn is null)
            {
                errors["joinedOn"] = "Give the start date, or the signing date it defaults to (MEM-2).";
            }

            if (errors.Count > 0)
            {
                var first = errors.First();
                throw new ValidationFailed(errors, first.Key == "joinedOn" ? "MEM-2" : null);
            }

            var partnership = await db.Partnerships.SingleAsync(p => p.Id == c.PartnershipId, ct);
            if (joinedOn < partnership.AgreementInForceFrom)
            {
                throw RuleViolation.Invalid("joinedOn", $"The agreement took effect {partnership.AgreementInForceFrom:yyyy-MM-dd}; membership cannot start before that.", "PUR-6");
            }

            if (await db.Members.AnyAsync(m => m.PartnershipId == c.PartnershipId && m.Orgnr == orgnr.Value, ct))
            {
                throw RuleViolation.Conflict($"{orgnr} is already in the member register of {partnership.Name}.", "MEM-2", "orgnr");
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var member = new Member(c.PartnershipId, orgnr, c.Name!, kind, joinedOn!.Value);
                if (number is { } n)
                {
                    member.AddMunicipalityNumber(n, joinedOn.Value);
                }

                member.UpdateDetails(c.Address, c.PostalCode, c.City, null, null, null);
                int? documentId = null;
                if (c.SignedDocument is not null)
                {
                    var document = await documents.AddAsync(partnership.Id, null, "signed-agreement", c.SignedDocument, "signedDocument", ct);
                    await db.SaveChangesAsync(ct);
                    documentId = document.Id;
                }

                member.RecordSigning(c.SignedBy, c.SignedAt, c.SignedOn, documentId);
                db.Members.Add(member);
                await db.SaveChangesAsync(ct);

                // ORG-1: the joining is filed in the records, with the signed agreement when there is one.
                await records.FileAsync(partnership.Id, new Records.Records.Filing(
                    $"member:{member.Orgnr}", $"Medlemskap – {member.Name}", Domain.Records.EntryType.Incoming,
                    $"Innmelding og signert partneravtale – {member.Name}", PartnershipTime.Today(clock), member.Name,
                    Documents: documentId is { } d ? [new Records.Records.FiledDocument(d, "Signert partneravtale")] : null), ct);
                await tx.CommitAsync(ct);
                return member;
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                await documents.DiscardAsync();
                throw;
            }
        }

        private async Task<bool> IsKnownAsync(string number, CancellationToken ct) =>
            await db.PopulationFigures.AnyAsync(p => p.MunicipalityNumber == number, ct)
            || await db.Set<MunicipalityNumberPeriod>().AnyAsync(p => p.Number == number, ct);
    }
}

/// <summary>Several fields wrong at once; each message belongs next to its field.</summary>
public sealed class ValidationFailed(IReadOnlyDictionary<string, string> errors, string? rule = null)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    public string? Rule { get; } = rule;
}
