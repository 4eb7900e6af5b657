using System.Globalization;

namespace Partnerskap.Domain.Common;

/// <summary>Bokmål alphabetical order (… Y, Z, Æ, Ø, Å), case ignored: the one comparer for lists of names.</summary>
public static class Bokmal
{
    public static readonly StringComparer Order = StringComparer.Create(CultureInfo.GetCultureInfo("nb-NO"), ignoreCase: true);

    /// <summary>
    /// The database collation with the same order, by the same name on both providers: SQLite registers it on every
    /// connection (calling <see cref="Order"/>), PostgreSQL has it as an ICU collation (nb-NO) created by a migration.
    /// </summary>
    public const string Collation = "bokmal";
}
