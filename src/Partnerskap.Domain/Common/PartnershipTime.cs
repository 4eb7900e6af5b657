namespace Partnerskap.Domain.Common;

/// <summary>
/// The partnership's clock face: every deadline in the agreement ("by 30 June") is Norwegian local time.
/// Callers turn an instant into an Oslo date here, at the edge, and pass dates to the rules.
/// </summary>
public static class PartnershipTime
{
    /// <summary>Europe/Oslo (IANA id; .NET resolves it from the OS time-zone database).</summary>
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>The calendar date in Oslo at <paramref name="instant"/>, whatever offset the instant was given in.</summary>
    public static DateOnly OsloDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Oslo).DateTime);

    /// <summary>Today's date in Oslo according to <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => OsloDate(clock.GetUtcNow());
}
