namespace Partnerskap.Domain.Members;

/// <summary>The dates of one written notice of resignation (MEM-3, MEM-4), and of its withdrawal if it was withdrawn.</summary>
/// <param name="ReceivedOn">Oslo date the written notice arrived.</param>
/// <param name="EffectiveOn">The exit date the notice takes effect (MEM-3).</param>
/// <param name="WithdrawnOn">Oslo date the notice was withdrawn (before it took effect, MEM-5 policy), or null.</param>
public readonly record struct NoticeDates(DateOnly ReceivedOn, DateOnly EffectiveOn, DateOnly? WithdrawnOn = null)
{
    /// <summary>The notice stood on <paramref name="date"/>: received by then and not yet withdrawn.</summary>
    public bool StandsOn(DateOnly date) => ReceivedOn <= date && (WithdrawnOn is null || date < WithdrawnOn);

    /// <summary>A withdrawn notice never takes effect (withdrawal is only possible before the effective date).</summary>
    public bool TakesEffect => WithdrawnOn is null;
}

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
        DateOnly joinedOn, DateOnly? noticeReceivedOn, DateOnly? exitEffectiveOn, DateOnly asOf) =>
        StatusOn(
            joinedOn,
            ceasedOn: null,
            noticeReceivedOn is { } r && exitEffectiveOn is { } e ? [new NoticeDates(r, e)] : [],
            asOf);

    /// <summary>
    /// Status on <paramref name="asOf"/> from the whole record: joining (MEM-2), every notice with its withdrawal
    /// (MEM-3, MEM-5), and the day the organisation itself ceased (succession: merger or split, MEM-1).
    /// Null before joining.
    /// </summary>
    public static MembershipStatus? StatusOn(DateOnly joinedOn, DateOnly? ceasedOn, IReadOnlyCollection<NoticeDates> notices, DateOnly asOf)
    {
        if (asOf < joinedOn)
        {
            return null;
        }

        // MEM-5: from the effective date the member is freed from the agreement's rights and duties.
        if (ExitOn(ceasedOn, notices) is { } exit && asOf >= exit)
        {
            return MembershipStatus.Exited;
        }

        return notices.Any(n => n.StandsOn(asOf)) ? MembershipStatus.NoticeGiven : MembershipStatus.Member;
    }

    /// <summary>The date membership ends (the earliest of a notice taking effect and the organisation ceasing), or null.</summary>
    public static DateOnly? ExitOn(DateOnly? ceasedOn, IReadOnlyCollection<NoticeDates> notices)
    {
        var byNotice = notices.Where(n => n.TakesEffect).Select(n => (DateOnly?)n.EffectiveOn).Min();
        return (byNotice, ceasedOn) switch
        {
            (null, _) => ceasedOn,
            (_, null) => byNotice,
            var (a, b) => a < b ? a : b,
        };
    }

    /// <summary>MEM-5: a member has rights (vote, new projects) on <paramref name="asOf"/> unless not yet joined or exited.</summary>
    public static bool HasRightsOn(DateOnly joinedOn, DateOnly? noticeReceivedOn, DateOnly? exitEffectiveOn, DateOnly asOf) =>
        StatusOn(joinedOn, noticeReceivedOn, exitEffectiveOn, asOf) is MembershipStatus.Member or MembershipStatus.NoticeGiven;

    /// <summary>MEM-5: rights from the full record.</summary>
    public static bool HasRightsOn(DateOnly joinedOn, DateOnly? ceasedOn, IReadOnlyCollection<NoticeDates> notices, DateOnly asOf) =>
        StatusOn(joinedOn, ceasedOn, notices, asOf) is MembershipStatus.Member or MembershipStatus.NoticeGiven;

    /// <summary>
    /// FIN-1/MEM-5: a member owes the fee for a calendar year when it is a member for at least one day of that year
    /// (no pro-rata, policy) and had not exited before the year began.
    /// </summary>
    public static bool OwesFeeFor(int year, DateOnly joinedOn, DateOnly? ceasedOn, IReadOnlyCollection<NoticeDates> notices)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        if (joinedOn > last)
        {
            return false;
        }

        return ExitOn(ceasedOn, notices) is not { } exit || exit > first;
    }
}
