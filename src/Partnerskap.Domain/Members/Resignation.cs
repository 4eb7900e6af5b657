namespace Partnerskap.Domain.Members;

/// <summary>What happens to notice received after the 30 June deadline (MEM-3). A partnership setting.</summary>
public enum LateNoticePolicy
{
    /// <summary>Default: late notice takes effect 1 January of the year after next (keeps the deadline meaningful).</summary>
    EffectiveYearAfterNext,

    /// <summary>Late notice is refused; the member must send it again by the next 30 June.</summary>
    Refused,
}

/// <summary>Resignation (oppsigelse) rules: MEM-3, MEM-4.</summary>
public static class Resignation
{
    private static readonly (int Month, int Day) NoticeDeadline = (6, 30);

    /// <summary>
    /// MEM-3: notice received on or before 30 June of year Y takes effect 1 January Y+1.
    /// Later notice takes effect 1 January Y+2 under the default policy; under <see cref="LateNoticePolicy.Refused"/>
    /// there is no effective date (null).
    /// </summary>
    /// <param name="receivedOn">The date the written notice (MEM-4) arrived, in Europe/Oslo.</param>
    /// <param name="latePolicy">The partnership's setting for late notice.</param>
    public static DateOnly? EffectiveFrom(DateOnly receivedOn, LateNoticePolicy latePolicy = LateNoticePolicy.EffectiveYearAfterNext)
    {
        var deadline = new DateOnly(receivedOn.Year, NoticeDeadline.Month, NoticeDeadline.Day);
        if (receivedOn <= deadline)
        {
            return new DateOnly(receivedOn.Year + 1, 1, 1);
        }

        return latePolicy == LateNoticePolicy.Refused ? null : new DateOnly(receivedOn.Year + 2, 1, 1);
    }

    /// <summary>MEM-3: the last day on which notice for the next calendar year is on time.</summary>
    public static DateOnly DeadlineIn(int year) => new(year, NoticeDeadline.Month, NoticeDeadline.Day);

    /// <summary>The next notice deadline on or after <paramref name="today"/> (for the front page and the year wheel).</summary>
    public static DateOnly NextDeadline(DateOnly today)
    {
        var thisYear = DeadlineIn(today.Year);
        return today <= thisYear ? thisYear : DeadlineIn(today.Year + 1);
    }
}
