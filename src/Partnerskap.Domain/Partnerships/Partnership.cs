using System.Text.RegularExpressions;

namespace Partnerskap.Domain.Partnerships;

/// <summary>
/// One regional network under one agreement (DigiViken). One installation holds several; each has its own
/// members, fee model and bodies. Identified in URLs by <see cref="Slug"/>.
/// </summary>
public sealed partial class Partnership
{
    private Partnership()
    {
        Slug = "";
        Name = "";
    }

    public Partnership(string slug, string name, DateOnly agreementInForceFrom)
    {
        if (!IsValidSlug(slug))
        {
            throw new ArgumentException("A slug is 2–40 lower-case letters, digits or hyphens.", nameof(slug));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Slug = slug;
        Name = name.Trim();
        AgreementInForceFrom = agreementInForceFrom;
    }

    public int Id { get; private set; }

    /// <summary>URL name, e.g. "digiviken". Lower-case letters, digits and hyphens.</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    /// <summary>PUR-6: the date the agreement took effect (DigiViken: 1 January 2022). First fee year is its year.</summary>
    public DateOnly AgreementInForceFrom { get; private set; }

    /// <summary>The agreement text (Markdown) as signed; the statutes and later versions come with the records module.</summary>
    public string? AgreementText { get; private set; }

    /// <summary>ORG-5: the host organisation that employs the office and issues invoices (policy, default the county).</summary>
    public string? HostOrganisationName { get; private set; }

    /// <summary>MEM-3 policy: what late notice (after 30 June) means. Default: effective 1 January the year after next.</summary>
    public Members.LateNoticePolicy LateNoticePolicy { get; private set; } = Members.LateNoticePolicy.EffectiveYearAfterNext;

    /// <summary>MEM-5 policy: a notice may be withdrawn before it takes effect. Default: yes.</summary>
    public bool NoticeWithdrawalAllowed { get; private set; } = true;

    /// <summary>The decision behind the current policy settings (ORG-4: settings record which decision they come from).</summary>
    public string? PolicyDecisionRef { get; private set; }

    public void SetAgreementText(string markdown) => AgreementText = markdown;

    /// <summary>Changes the settings the agreement leaves open; a decision reference is required.</summary>
    public void ChangePolicy(Members.LateNoticePolicy lateNotice, bool withdrawalAllowed, string decisionRef)
    {
        if (string.IsNullOrWhiteSpace(decisionRef))
        {
            throw Common.RuleViolation.Invalid("decisionRef", "Name the decision that changed the setting (e.g. \"Årsmøtet 2026, sak 4\").", "ORG-4");
        }

        LateNoticePolicy = lateNotice;
        NoticeWithdrawalAllowed = withdrawalAllowed;
        PolicyDecisionRef = decisionRef.Trim();
    }

    public void SetHost(string name) => HostOrganisationName = name;

    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38})[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
