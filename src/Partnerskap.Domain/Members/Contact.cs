namespace Partnerskap.Domain.Members;

/// <summary>The roles a member's people hold (MEM-7 and invoicing). One holder per role at a time.</summary>
public enum MemberRole
{
    /// <summary>Kommunedirektør / fylkesdirektør: anchors important decisions (MEM-7).</summary>
    ChiefExecutive,

    /// <summary>Digitaliseringsleder / -direktør: anchors important decisions (MEM-7).</summary>
    HeadOfDigitalisation,

    /// <summary>Receives invoices and answers questions about them.</summary>
    InvoiceContact,

    /// <summary>Represents the member at the annual meeting unless another is credentialed.</summary>
    AnnualMeetingRepresentative,
}

/// <summary>A person at a member organisation.</summary>
public sealed class Contact
{
    private Contact() => Name = "";

    internal Contact(string name, string? email, string? phone)
    {
        Name = name;
        Email = email;
        Phone = phone;
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public string Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }
}

/// <summary>A contact holding a role at the member from one date to another (inclusive; open while current).</summary>
public sealed class RoleAssignment
{
    private RoleAssignment()
    {
    }

    internal RoleAssignment(Contact contact, MemberRole role, DateOnly from, DateOnly? to)
    {
        Contact = contact;
        Role = role;
        From = from;
        To = to;
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public int ContactId { get; private set; }

    public Contact? Contact { get; private set; }

    public MemberRole Role { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public bool Covers(DateOnly date) => date >= From && (To is null || date <= To);

    internal bool Overlaps(DateOnly from, DateOnly? to) => (to is null || From <= to) && (To is null || from <= To);

    internal void EndOn(DateOnly lastDay)
    {
        if (lastDay < From)
        {
            throw Common.RuleViolation.Invalid("to", "A role cannot end before it starts.");
        }

        To = lastDay;
    }
}

public static class MemberRoleNames
{
    public static string ToApi(this MemberRole role) => role switch
    {
        MemberRole.ChiefExecutive => "chief-executive",
        MemberRole.HeadOfDigitalisation => "head-of-digitalisation",
        MemberRole.InvoiceContact => "invoice-contact",
        _ => "annual-meeting-representative",
    };

    public static bool TryParse(string? value, out MemberRole role)
    {
        foreach (var candidate in Enum.GetValues<MemberRole>())
        {
            if (candidate.ToApi() == value)
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
