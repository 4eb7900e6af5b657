namespace Partnerskap.Domain.Members;

/// <summary>
/// The membership questions other modules ask: "was X a member, and with rights, on date D?".
/// Pure functions over the dates a member record holds.
/// </summary>
public static class Membership
{
    /// <summary>
    /// Status on <paramref name="asOf"/>, or null when the organisation had not yet joined (MEM-2).
    /// A notice counts from the date it was received; it stops counting if withdrawn before taking effect (MEM-5 policy).
    /// </summary>
    /// <param name="joinedOn">Start of membership (MEM-2: the signing date unless another start date was given).</param>
    /// <param name="noticeReceivedOn">Oslo date the written notice arrived (MEM-4), if any notice is in force.</param>
    /// <param name="exitEffectiveOn">The date the notice takes effect (MEM-3), if any notice is in force.</param>
    /// <param name="asOf">The date asked about.</param>
    public static MembershipStatus? StatusOn(
        DateOnly joinedOn, DateOnly? noticeReceivedOn, DateOnly? exitEffectiveOn, DateOnly asOf)
    {
        if (asOf < joinedOn)
        {
            return null;
        }

        // MEM-5: from the effective date the member is freed from the agreement's rights and duties.
        if (exitEffectiveOn is { } exit && asOf >= exit)
        {
            return MembershipStatus.Exited;
        }

        if (noticeReceivedOn is { } received && asOf >= received)
        {
            return MembershipStatus.NoticeGiven;
        }

        return MembershipStatus.Member;
    }

    /// <summary>MEM-5: a member has rights (vote, new projects) on <paramref name="asOf"/> unless not yet joined or exited.</summary>
    public static bool HasRightsOn(DateOnly joinedOn, DateOnly? noticeReceivedOn, DateOnly? exitEffectiveOn, DateOnly asOf) =>
        StatusOn(joinedOn, noticeReceivedOn, exitEffectiveOn, asOf) is MembershipStatus.Member or MembershipStatus.NoticeGiven;
}
